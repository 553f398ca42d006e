using System.Text.Json.Serialization;

namespace Prow.Abstractions.Jobs;

/// <summary>How a job is triggered (Prow's <c>ProwJobType</c>); serialized as Prow's lower-case strings.</summary>
[GenerateSerializer]
[Alias("prow.jobs.ProwJobType")]
[JsonConverter(typeof(JsonStringEnumConverter<ProwJobType>))]
public enum ProwJobType
{
    /// <summary>Runs on unmerged pull requests.</summary>
    [JsonStringEnumMemberName("presubmit")] Presubmit,

    /// <summary>Runs on each new commit of a branch.</summary>
    [JsonStringEnumMemberName("postsubmit")] Postsubmit,

    /// <summary>Runs on a timer, unrelated to git changes.</summary>
    [JsonStringEnumMemberName("periodic")] Periodic,

    /// <summary>Tests several unmerged pull requests together (Tide).</summary>
    [JsonStringEnumMemberName("batch")] Batch,
}
