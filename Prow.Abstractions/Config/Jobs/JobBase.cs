using System.Text.Json.Nodes;
using Prow.Abstractions.Config.Yaml;
using YamlDotNet.Serialization;

namespace Prow.Abstractions.Config.Jobs;

/// <summary>
/// The fields every job type shares (Prow's <c>JobBase</c> with its inline <c>UtilityConfig</c>).
/// Kubernetes objects (pod spec, Tekton pipeline run spec, Knative build spec) stay raw JSON.
/// </summary>
public abstract class JobBase : SourceLocated
{
    /// <summary>The job name; must match <c>^[A-Za-z0-9-._]+$</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>Labels added to the ProwJobs and pods of this job; also select presets.</summary>
    public Dictionary<string, string>? Labels { get; set; }

    /// <summary>Unused by Prow itself; a place to configure other automation (TestGrid...).</summary>
    public Dictionary<string, string>? Annotations { get; set; }

    /// <summary>Maximum number of concurrently running instances; 0 means no limit.</summary>
    public int MaxConcurrency { get; set; }

    /// <summary>What runs the job: kubernetes (default), jenkins, tekton-pipeline, knative-build.</summary>
    public string Agent { get; set; } = "";

    /// <summary>Alias of the build cluster; defaults to "default".</summary>
    public string Cluster { get; set; } = "";

    /// <summary>Namespace of the pods; null means the config's pod_namespace.</summary>
    public string? Namespace { get; set; }

    /// <summary>Finish the job in error state (instead of re-creating the pod) when the pod is evicted.</summary>
    public bool ErrorOnEviction { get; set; }

    /// <summary>The file that declared the job (Prow's SourcePath; not a YAML key).</summary>
    [YamlIgnore]
    public string SourcePath { get; set; } = "";

    /// <summary>Kubernetes PodSpec for agent kubernetes.</summary>
    public JsonObject? Spec { get; set; }

    /// <summary>Tekton PipelineRunSpec for agent tekton-pipeline.</summary>
    public JsonObject? PipelineRunSpec { get; set; }

    /// <summary>Versioned Tekton PipelineRunSpec (<c>v1beta1:</c>) for agent tekton-pipeline.</summary>
    public TektonPipelineRunSpec? TektonPipelineRunSpec { get; set; }

    /// <summary>Knative BuildSpec for agent knative-build (removed from recent Prow; kept for old configs).</summary>
    public JsonObject? BuildSpec { get; set; }

    /// <summary>Job-level reporting options (Slack).</summary>
    public ReporterConfig? ReporterConfig { get; set; }

    /// <summary>Who may rerun the job from Deck.</summary>
    public RerunAuthConfig? RerunAuthConfig { get; set; }

    /// <summary>Only shown by Deck instances that show hidden jobs.</summary>
    public bool Hidden { get; set; }

    /// <summary>Job-level ProwJob defaults (tenant id, ResultStore), merged over prowjob_default_entries.</summary>
    [YamlMember(Alias = "prowjob_defaults")]
    public ProwJobDefault? ProwJobDefault { get; set; }

    /// <summary>Name of a plank.job_queue_capacities queue limiting concurrency.</summary>
    public string JobQueueName { get; set; } = "";

    // --- UtilityConfig (inline in Prow) ---

    /// <summary>Whether the pod spec is decorated with the pod utilities; null means decorate_all_jobs.</summary>
    public bool? Decorate { get; set; }

    /// <summary>Clone location under $GOPATH/src instead of github.com/org/repo.</summary>
    public string PathAlias { get; set; } = "";

    /// <summary>URI to clone from instead of https://github.com/org/repo.git.</summary>
    public string CloneUri { get; set; } = "";

    public bool SkipSubmodules { get; set; }

    /// <summary>Clone depth; 0 is a full clone.</summary>
    public int CloneDepth { get; set; }

    public bool SkipFetchHead { get; set; }

    /// <summary>More repositories to clone.</summary>
    public List<Refs>? ExtraRefs { get; set; }

    /// <summary>Decoration options; after loading, merged with plank's defaults for decorated jobs.</summary>
    public DecorationConfig? DecorationConfig { get; set; }

    /// <summary>True when the job's pods are decorated (after defaulting).</summary>
    public bool IsDecorated => Decorate == true;
}
