using k8s.Models;
using Prow.Abstractions.Jobs;
using Prow.Grains.Jobs;

namespace Prow.Silo.Adapters.Kubernetes;

/// <summary>Reduces a pod to what plank's rules read (<see cref="WorkloadObservation"/>).</summary>
public static class PodObservations
{
    public static WorkloadObservation From(V1Pod pod)
    {
        var status = pod.Status;
        var containers = (status?.ContainerStatuses ?? []).Concat(status?.InitContainerStatuses ?? []).ToList();
        return new WorkloadObservation
        {
            Phase = PhaseOf(status?.Phase),
            CreatedAt = ToOffset(pod.Metadata?.CreationTimestamp),
            StartedAt = ToOffset(status?.StartTime),
            Deleting = pod.Metadata?.DeletionTimestamp is not null,
            Reason = status?.Reason ?? "",
            OomKilled = containers.Any(c => c.State?.Terminated?.Reason == "OOMKilled"),
            // Prow's didPodSucceed (without its phase check, which the rules make).
            AllContainersSucceeded = containers.All(c => c.State?.Terminated is { ExitCode: 0, FinishedAt: not null }),
            BuildId = pod.Metadata?.Labels?.TryGetValue(ProwJobLabels.BuildId, out var id) == true ? id ?? "" : "",
        };
    }

    /// <summary>A pod phase string; an absent phase is Pending (the API server has not filled it in yet).</summary>
    public static WorkloadPhase PhaseOf(string? phase) => phase switch
    {
        "Running" => WorkloadPhase.Running,
        "Succeeded" => WorkloadPhase.Succeeded,
        "Failed" => WorkloadPhase.Failed,
        "Unknown" => WorkloadPhase.Unknown,
        _ => WorkloadPhase.Pending,
    };

    internal static DateTimeOffset? ToOffset(DateTime? time) =>
        time is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t.Kind == DateTimeKind.Local ? t.ToUniversalTime() : t, DateTimeKind.Utc)) : null;
}
