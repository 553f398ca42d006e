using k8s;
using k8s.Models;
using Prow.Abstractions.Jobs;

namespace Prow.Silo.Adapters.Kubernetes;

/// <summary>Which build clusters the silo drives and how (flags <c>--kubeconfig</c>, <c>--kubeconfig-dir</c>).</summary>
public sealed class KubernetesBuildClusterOptions
{
    /// <summary>A kubeconfig with one context per build cluster (context name = cluster alias; <c>default</c> required).</summary>
    public string? Kubeconfig { get; set; }

    /// <summary>A directory of kubeconfig files, each contributing its contexts (hidden files are skipped).</summary>
    public string? KubeconfigDir { get; set; }

    /// <summary>Use the in-cluster configuration as <c>default</c> when no kubeconfig is given; null = when running in a pod.</summary>
    public bool? InCluster { get; set; }

    /// <summary>Explicit configurations by alias instead of files (tests, embedding).</summary>
    public IReadOnlyDictionary<string, KubernetesClientConfiguration>? Contexts { get; set; }

    /// <summary>Where workloads are created: Prow's <c>pod_namespace</c> (<see cref="Prow.Abstractions.Config.ProwConfig.PodNamespace"/>).</summary>
    public string PodNamespace { get; set; } = "default";

    /// <summary>The agents served on every cluster: <c>kubernetes</c>, <c>tekton-pipeline</c>, <c>knative-build</c>.</summary>
    public ISet<string> Agents { get; set; } = new HashSet<string>(StringComparer.Ordinal) { ProwJobAgents.Kubernetes };

    /// <summary>The pod for a job (Prow's decoration). When null, a registered <c>Func&lt;ProwJob, V1Pod&gt;</c> is used.</summary>
    public Func<ProwJob, V1Pod>? PodBuilder { get; set; }

    /// <summary>The clonerefs source of a Knative Build (decorated jobs); null = no source, as for undecorated jobs in Prow.</summary>
    public Func<ProwJob, KnativeBuildSource?>? KnativeSource { get; set; }

    /// <summary>The PipelineRun version written; v1beta1 is what Prow writes and the shape of the spec ProwJobs carry.</summary>
    public string TektonApiVersion { get; set; } = "v1beta1";

    /// <summary>Run informers that report workload changes to the registered <c>IWorkloadEvents</c>.</summary>
    public bool Watch { get; set; } = true;

    public KubernetesRetryOptions Retry { get; set; } = new();

    public WorkloadInformerOptions Informer { get; set; } = new();
}
