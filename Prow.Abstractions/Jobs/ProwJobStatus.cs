using System.Text.Json;
using System.Text.Json.Serialization;

namespace Prow.Abstractions.Jobs;

/// <summary>How a ProwJob is going (Prow's <c>ProwJobStatus</c>; times in camelCase, the rest snake_case).</summary>
[GenerateSerializer]
[Alias("prow.jobs.ProwJobStatus")]
public sealed class ProwJobStatus
{
    /// <summary>The creation time of the ProwJob.</summary>
    [Id(0)] [JsonPropertyName("startTime")] public DateTimeOffset? StartTime { get; set; }

    /// <summary>When the job moved from triggered to pending.</summary>
    [Id(1)] [JsonPropertyName("pendingTime")] public DateTimeOffset? PendingTime { get; set; }

    /// <summary>When the job reached a final state; set means complete.</summary>
    [Id(2)] [JsonPropertyName("completionTime")] public DateTimeOffset? CompletionTime { get; set; }

    [Id(3)] [JsonPropertyName("state")] public ProwJobState? State { get; set; }
    [Id(4)] [JsonPropertyName("description")] public string Description { get; set; } = "";
    [Id(5)] [JsonPropertyName("url")] public string Url { get; set; } = "";

    /// <summary>How often plank re-created the pod after it stopped unexpectedly.</summary>
    [Id(6)] [JsonPropertyName("pod_revival_count")] public int PodRevivalCount { get; set; }

    /// <summary>The workload's name; the ProwJob's name.</summary>
    [Id(7)] [JsonPropertyName("pod_name")] public string PodName { get; set; } = "";

    /// <summary>Monotonic per job name; groups the job's artifacts.</summary>
    [Id(8)] [JsonPropertyName("build_id")] public string BuildId { get; set; } = "";

    [Id(9)] [JsonPropertyName("jenkins_build_id")] public string JenkinsBuildId { get; set; } = "";

    /// <summary>The state each reporter last reported, so crier does not report twice.</summary>
    [Id(10)] [JsonPropertyName("prev_report_states")] public Dictionary<string, ProwJobState>? PrevReportStates { get; set; }

    [Id(11)] [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }

    /// <summary>A copy that can be changed without touching this status.</summary>
    public ProwJobStatus Clone()
    {
        var copy = (ProwJobStatus)MemberwiseClone();
        copy.PrevReportStates = PrevReportStates is null ? null : new(PrevReportStates);
        copy.Extra = Extra is null ? null : new(Extra);
        return copy;
    }
}
