namespace Prow.Abstractions.Jobs;

/// <summary>Values of <c>spec.agent</c>: which controller runs the job. Kept as a string so other agents survive.</summary>
public static class ProwJobAgents
{
    public const string Kubernetes = "kubernetes";
    public const string Jenkins = "jenkins";
    public const string TektonPipeline = "tekton-pipeline";

    /// <summary>Removed from current Prow; kept so old ProwJobs load.</summary>
    public const string KnativeBuild = "knative-build";

    /// <summary>Ours: a process on the silo's machine (the embedded default).</summary>
    public const string Local = "local";

    /// <summary>The build cluster alias used when <c>spec.cluster</c> is empty.</summary>
    public const string DefaultCluster = "default";
}
