namespace Prow.Silo.Adapters.Kubernetes;

/// <summary>A namespaced custom resource: API group, version, plural and kind.</summary>
public sealed record CustomObjectKind(string Group, string Version, string Plural, string Kind)
{
    /// <summary>Knative Build (<c>build.knative.dev/v1alpha1</c>), agent <c>knative-build</c>.</summary>
    public static readonly CustomObjectKind KnativeBuild = new("build.knative.dev", "v1alpha1", "builds", "Build");

    /// <summary>Tekton PipelineRun in <paramref name="version"/> (Prow writes v1beta1, the shape of the spec it carries).</summary>
    public static CustomObjectKind TektonPipelineRun(string version = "v1beta1") => new("tekton.dev", version, "pipelineruns", "PipelineRun");

    public string ApiVersion => $"{Group}/{Version}";

    public override string ToString() => $"{Plural}.{Group}/{Version}";
}
