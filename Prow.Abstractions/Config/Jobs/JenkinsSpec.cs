namespace Prow.Abstractions.Config.Jobs;

/// <summary>Options for jobs run by the Jenkins operator.</summary>
public sealed class JenkinsSpec
{
    /// <summary>The job is managed by the GitHub branch source plugin.</summary>
    public bool GithubBranchSourceJob { get; set; }
}
