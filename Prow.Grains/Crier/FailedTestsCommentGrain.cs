using Prow.Abstractions.Config;
using Prow.Abstractions.Jobs;
using Prow.Grains.Ports;

namespace Prow.Grains.Crier;

/// <summary>
/// One pull request's failed-tests comment (key: <c>org/repo#number</c>, see <see cref="Key"/>). Its calls run one
/// at a time, so jobs of the same PR finishing together cannot both create a comment (Prow's per-PR lock).
/// </summary>
[Alias("prow.crier.IFailedTestsCommentGrain")]
public interface IFailedTestsCommentGrain : IGrainWithStringKey
{
    /// <summary>Updates the comment for the job's final state; null when done, else why it failed (retry later).</summary>
    [Alias("Update")]
    Task<string?> Update(ProwJob job);
}

public sealed class FailedTestsCommentGrain(IGitHub github, IConfigSource config) : Grain, IFailedTestsCommentGrain
{
    public static string Key(Refs refs) => $"{refs.Org}/{refs.Repo}#{refs.Pulls![0].Number}";

    public async Task<string?> Update(ProwJob job)
    {
        try
        {
            await GitHubReporter.UpdateCommentAsync(github, job, config.Current.Config);
            return null;
        }
        catch (Exception e) when (e is GitHubException or HttpRequestException or TimeoutException or Abstractions.Templates.GoTemplateException)
        {
            // Returned, not thrown: the caller retries, and GitHubException need not cross the grain boundary.
            // A report template failing on this job is retried too, as Prow's crier does: a config fix heals it.
            return e.Message;
        }
    }
}
