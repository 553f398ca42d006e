using Prow.Abstractions.Config.Yaml;

namespace Prow.Abstractions.Config.Jobs;

/// <summary>Slack reporting of one job, or the defaults in slack_reporter_configs.</summary>
public class SlackReporterConfig : SourceLocated
{
    public string Host { get; set; } = "";
    public string Channel { get; set; } = "";

    /// <summary>ProwJob states to report: triggered, pending, success, failure, aborted, error.</summary>
    public List<string>? JobStatesToReport { get; set; }

    /// <summary>Go template of the message.</summary>
    public string ReportTemplate { get; set; } = "";

    /// <summary>Explicitly switch reporting on or off.</summary>
    public bool? Report { get; set; }
}
