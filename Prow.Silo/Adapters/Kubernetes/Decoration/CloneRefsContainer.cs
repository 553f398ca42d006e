using k8s.Models;
using Prow.Abstractions.Jobs;

namespace Prow.Silo.Adapters.Kubernetes.Decoration;

/// <summary>The clonerefs init container, the refs it clones (primary first) and the volumes it mounts.</summary>
public sealed record CloneRefsContainer(V1Container Container, IReadOnlyList<Refs> Refs, IReadOnlyList<V1Volume> Volumes);
