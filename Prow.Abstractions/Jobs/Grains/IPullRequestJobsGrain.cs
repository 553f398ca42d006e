namespace Prow.Abstractions.Jobs.Grains;

/// <summary>
/// The presubmits created for one pull request (key: <c>org/repo#number</c>), by head SHA, so a newer push,
/// a close or a conversion to draft can abort the ones still running. Names are forgotten once handed out
/// for aborting.
/// </summary>
[Alias("prow.IPullRequestJobsGrain")]
public interface IPullRequestJobsGrain : IGrainWithStringKey
{
    /// <summary>Records that ProwJob <paramref name="jobName"/> was created for head <paramref name="sha"/> (idempotent).</summary>
    [Alias("Record")]
    Task Record(string sha, string jobName);

    /// <summary>Removes and returns the jobs recorded for any head but <paramref name="keepSha"/> (null: every head).</summary>
    [Alias("TakeOthers")]
    Task<IReadOnlyList<string>> TakeOthers(string? keepSha);
}
