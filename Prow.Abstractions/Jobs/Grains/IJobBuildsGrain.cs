namespace Prow.Abstractions.Jobs.Grains;

/// <summary>
/// The builds of one configured job (key: <c>spec.job</c>): hands out its build IDs, each greater
/// than the last, and remembers which ProwJob got which ID (for <c>/log?job=&amp;id=</c>).
/// </summary>
[Alias("prow.IJobBuildsGrain")]
public interface IJobBuildsGrain : IGrainWithStringKey
{
    /// <summary>
    /// The build ID for <paramref name="prowJobName"/>: a new one, greater than every earlier one
    /// of this job, or the one it already got (retries get the same ID).
    /// </summary>
    [Alias("Assign")]
    Task<string> Assign(string prowJobName);

    /// <summary>The ProwJob that got <paramref name="buildId"/>, or null (unknown or forgotten).</summary>
    [Alias("Find")]
    Task<string?> Find(string buildId);
}
