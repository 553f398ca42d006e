using System.Text;

namespace Prow.Silo.Adapters.Local;

/// <summary>
/// A run's <c>build-log.txt</c>: whole lines from any thread (git, each container's stdout and
/// stderr), flushed as they come so readers opening the file while the run goes see them.
/// Lines written after <see cref="Dispose"/> (a leftover background process) are dropped.
/// </summary>
internal sealed class RunLog : IDisposable
{
    /// <summary>How the agent's own lines start, so they stand apart from the job's output.</summary>
    public const string Prefix = "prow-local: ";

    private readonly Lock _gate = new();
    private readonly FileStream _stream;
    private bool _closed;

    public RunLog(string path)
    {
        _stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
    }

    public void WriteLine(string line)
    {
        var bytes = Encoding.UTF8.GetBytes(line + "\n");
        lock (_gate)
        {
            if (_closed) return;
            _stream.Write(bytes);
            _stream.Flush();
        }
    }

    /// <summary>A line of the agent's own (what it does, why a run failed).</summary>
    public void Note(string message) => WriteLine(Prefix + message);

    public void Dispose()
    {
        lock (_gate)
        {
            if (_closed) return;
            _closed = true;
            _stream.Dispose();
        }
    }
}
