using System.Text.Json.Nodes;
using Prow.Abstractions.Jobs;
using Prow.Grains.Jobs;

namespace Prow.Silo.Adapters.Kubernetes;

/// <summary>
/// Reduces a Knative Build or Tekton PipelineRun to a <see cref="WorkloadObservation"/> from its
/// <c>Succeeded</c> condition, as Prow's build and pipeline controllers read it: True → Succeeded,
/// False → Failed, Unknown → Running once started (Pending before); no condition → Pending, or Failed
/// when it finished anyway (Prow: "missing end condition").
/// </summary>
public static class ConditionObservations
{
    public static WorkloadObservation From(JsonObject obj)
    {
        var started = CustomObjectJson.Time(obj, "status", "startTime");
        var finished = CustomObjectJson.Time(obj, "status", "completionTime");
        var succeeded = (obj["status"]?["conditions"] as JsonArray ?? [])
            .OfType<JsonObject>().FirstOrDefault(c => CustomObjectJson.String(c, "type") == "Succeeded");
        var phase = CustomObjectJson.String(succeeded, "status") switch
        {
            "True" => WorkloadPhase.Succeeded,
            "False" => WorkloadPhase.Failed,
            "Unknown" => started is null ? WorkloadPhase.Pending : WorkloadPhase.Running,
            _ => finished is null ? (started is null ? WorkloadPhase.Pending : WorkloadPhase.Running) : WorkloadPhase.Failed,
        };
        return new WorkloadObservation
        {
            Phase = phase,
            CreatedAt = CustomObjectJson.Time(obj, "metadata", "creationTimestamp"),
            StartedAt = started,
            Deleting = CustomObjectJson.String(obj, "metadata", "deletionTimestamp") is not null,
            AllContainersSucceeded = phase == WorkloadPhase.Succeeded,
            BuildId = CustomObjectJson.String(obj, "metadata", "labels", ProwJobLabels.BuildId) ?? "",
        };
    }
}
