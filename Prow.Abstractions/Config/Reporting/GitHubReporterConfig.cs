using Prow.Abstractions.Config.Yaml;

namespace Prow.Abstractions.Config.Reporting;

/// <summary>Reporting of job results to GitHub.</summary>
public sealed class GitHubReporterConfig : SourceLocated
{
    /// <summary>Job types reported (presubmit, postsubmit); defaults to both.</summary>
    public List<string>? JobTypesToReport { get; set; }

    /// <summary>Orgs and repos that get statuses but no failure comment.</summary>
    public List<string>? NoCommentRepos { get; set; }

    /// <summary>Orgs and repos that get one comment once every job of a SHA has finished.</summary>
    public List<string>? SummaryCommentRepos { get; set; }
}
