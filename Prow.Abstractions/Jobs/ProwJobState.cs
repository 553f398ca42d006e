using System.Text.Json.Serialization;

namespace Prow.Abstractions.Jobs;

/// <summary>
/// Where a job is in its life (Prow's <c>ProwJobState</c>); serialized as Prow's lower-case strings.
/// <see cref="Scheduling"/> exists in current Prow: jobs start there when the scheduler is enabled.
/// </summary>
[GenerateSerializer]
[Alias("prow.jobs.ProwJobState")]
[JsonConverter(typeof(JsonStringEnumConverter<ProwJobState>))]
public enum ProwJobState
{
    /// <summary>Created, waiting for the scheduler to pick a build cluster.</summary>
    [JsonStringEnumMemberName("scheduling")] Scheduling,

    /// <summary>Scheduled, but its workload (pod, PipelineRun, process) is not running yet.</summary>
    [JsonStringEnumMemberName("triggered")] Triggered,

    /// <summary>The workload exists and the job is waiting for it to finish.</summary>
    [JsonStringEnumMemberName("pending")] Pending,

    /// <summary>Completed without error (exit 0).</summary>
    [JsonStringEnumMemberName("success")] Success,

    /// <summary>Completed with errors (exit non-zero).</summary>
    [JsonStringEnumMemberName("failure")] Failure,

    /// <summary>Prow stopped the job early (a newer commit, a user, a timeout).</summary>
    [JsonStringEnumMemberName("aborted")] Aborted,

    /// <summary>The job could not run (bad config, scheduling timeout, eviction...).</summary>
    [JsonStringEnumMemberName("error")] Error,
}
