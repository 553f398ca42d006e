using Prow.Grains.Jobs;

namespace Prow.Silo.Adapters.Kubernetes;

/// <summary>What a list returned: every workload with its observation, and the resourceVersion to watch from.</summary>
public sealed record WorkloadList(IReadOnlyList<(string Name, WorkloadObservation Observation)> Items, string ResourceVersion);
