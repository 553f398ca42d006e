using Prow.Grains.Jobs;

namespace Prow.Silo.Adapters.Kubernetes;

/// <summary>A watch event; <see cref="Observation"/> is null for a deletion and for a bookmark (which only moves the resourceVersion).</summary>
public sealed record WorkloadWatchEvent(string Name, WorkloadObservation? Observation, string ResourceVersion, bool Bookmark = false);
