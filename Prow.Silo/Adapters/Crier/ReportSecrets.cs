using Prow.Grains.Ports;

namespace Prow.Silo.Adapters.Crier;

internal static class ReportSecrets
{
    /// <summary>The secret, or a <see cref="JobReportException"/> (retried: the file may be (re)mounted later).</summary>
    public static string ReadForReport(this SecretFile file)
    {
        try
        {
            return file.Read();
        }
        catch (IOException e)
        {
            throw new JobReportException(e.Message, inner: e);
        }
    }
}
