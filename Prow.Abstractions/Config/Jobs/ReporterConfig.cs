namespace Prow.Abstractions.Config.Jobs;

/// <summary>Job-level reporting options.</summary>
public sealed class ReporterConfig
{
    public SlackReporterConfig? Slack { get; set; }
}
