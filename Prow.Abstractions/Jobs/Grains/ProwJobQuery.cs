namespace Prow.Abstractions.Jobs.Grains;

/// <summary>
/// Deck's <c>/prowjobs.js</c> filters: <c>org</c> and <c>repo</c> match <c>spec.refs</c> (or any
/// extra ref when there are no refs), <c>owner</c> matches a pull's author; <see cref="Omit"/> is
/// the set of <c>omit=</c> fields (annotations, labels, decoration_config, pod_spec).
/// </summary>
[GenerateSerializer]
[Alias("prow.jobs.ProwJobQuery")]
public sealed record ProwJobQuery
{
    [Id(0)] public string Org { get; init; } = "";
    [Id(1)] public string Repo { get; init; } = "";
    [Id(2)] public string Owner { get; init; } = "";
    [Id(3)] public ProwJobOmit Omit { get; init; }
}

/// <summary>The fields Deck's <c>omit=</c> may drop from each listed job.</summary>
[Flags]
[GenerateSerializer]
[Alias("prow.jobs.ProwJobOmit")]
public enum ProwJobOmit
{
    None = 0,
    Annotations = 1,
    Labels = 2,
    DecorationConfig = 4,

    /// <summary>The pod spec is replaced by one with an empty container per container, as Deck does.</summary>
    PodSpec = 8,

    All = Annotations | Labels | DecorationConfig | PodSpec,
}

/// <summary>One listed job: its sort keys and its JSON (already rendered with the query's omissions).</summary>
[GenerateSerializer]
[Immutable]
[Alias("prow.jobs.ListedProwJob")]
public sealed record ListedProwJob(
    [property: Id(0)] DateTimeOffset StartTime,
    [property: Id(1)] string Job,
    [property: Id(2)] byte[] Json);
