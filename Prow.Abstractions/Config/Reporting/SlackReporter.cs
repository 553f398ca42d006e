using Prow.Abstractions.Config.Jobs;

namespace Prow.Abstractions.Config.Reporting;

/// <summary>Slack reporting defaults for an "org/repo", "org" or "*" key.</summary>
public sealed class SlackReporter : SlackReporterConfig
{
    /// <summary>Job types reported: presubmit, postsubmit, periodic, batch.</summary>
    public List<string>? JobTypesToReport { get; set; }
}
