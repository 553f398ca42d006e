using System.Text.Json.Nodes;

namespace Prow.Silo.Adapters.Kubernetes;

/// <summary>
/// The source step of a Knative Build: Prow's clonerefs container (decorate.CloneRefs) and the volumes
/// it needs. Only decorated jobs have one, as in Prow.
/// </summary>
public sealed record KnativeBuildSource(JsonObject Container, JsonArray? Volumes = null);
