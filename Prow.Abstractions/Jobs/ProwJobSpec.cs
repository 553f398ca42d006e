using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Prow.Abstractions.Jobs;

/// <summary>
/// What a ProwJob runs (Prow's <c>ProwJobSpec</c>, JSON names as its Go tags). Kubernetes and Tekton
/// objects stay raw JSON so nothing is lost.
/// </summary>
[GenerateSerializer]
[Alias("prow.jobs.ProwJobSpec")]
public sealed class ProwJobSpec
{
    /// <summary>Required by the CRD; Go's zero value is never written.</summary>
    [Id(0)] [JsonPropertyName("type")] public ProwJobType? Type { get; set; }

    /// <summary>Which controller runs the job; see <see cref="ProwJobAgents"/>.</summary>
    [Id(1)] [JsonPropertyName("agent")] public string Agent { get; set; } = "";

    [Id(2)] [JsonPropertyName("cluster")] public string Cluster { get; set; } = "";
    [Id(3)] [JsonPropertyName("namespace")] public string Namespace { get; set; } = "";

    /// <summary>The job's name from the config.</summary>
    [Id(4)] [JsonPropertyName("job")] public string Job { get; set; } = "";

    /// <summary>The code under test.</summary>
    [Id(5)] [JsonPropertyName("refs")] public Refs? Refs { get; set; }

    [Id(6)] [JsonPropertyName("extra_refs")] public List<Refs>? ExtraRefs { get; set; }

    /// <summary>Whether the result is reported (GitHub status, Slack...).</summary>
    [Id(7)] [JsonPropertyName("report")] public bool Report { get; set; }

    /// <summary>The GitHub status context.</summary>
    [Id(8)] [JsonPropertyName("context")] public string Context { get; set; } = "";

    [Id(9)] [JsonPropertyName("rerun_command")] public string RerunCommand { get; set; } = "";
    [Id(10)] [JsonPropertyName("max_concurrency")] public int MaxConcurrency { get; set; }
    [Id(11)] [JsonPropertyName("error_on_eviction")] public bool ErrorOnEviction { get; set; }

    /// <summary>Kubernetes PodSpec (agent kubernetes).</summary>
    [Id(12)] [JsonPropertyName("pod_spec")] public JsonObject? PodSpec { get; set; }

    [Id(13)] [JsonPropertyName("jenkins_spec")] public JenkinsSpec? JenkinsSpec { get; set; }

    /// <summary>Tekton PipelineRunSpec (agent tekton-pipeline).</summary>
    [Id(14)] [JsonPropertyName("pipeline_run_spec")] public JsonObject? PipelineRunSpec { get; set; }

    [Id(15)] [JsonPropertyName("tekton_pipeline_run_spec")] public TektonPipelineRunSpec? TektonPipelineRunSpec { get; set; }

    /// <summary>Knative BuildSpec (agent knative-build); removed from current Prow, kept for old ProwJobs.</summary>
    [Id(16)] [JsonPropertyName("build_spec")] public JsonObject? BuildSpec { get; set; }

    [Id(17)] [JsonPropertyName("decoration_config")] public DecorationConfig? DecorationConfig { get; set; }
    [Id(18)] [JsonPropertyName("reporter_config")] public ReporterConfig? ReporterConfig { get; set; }
    [Id(19)] [JsonPropertyName("rerun_auth_config")] public RerunAuthConfig? RerunAuthConfig { get; set; }
    [Id(20)] [JsonPropertyName("hidden")] public bool Hidden { get; set; }
    [Id(21)] [JsonPropertyName("prowjob_defaults")] public ProwJobDefault? ProwJobDefault { get; set; }

    /// <summary>A plank job queue (job_queue_capacities) limiting concurrency.</summary>
    [Id(22)] [JsonPropertyName("job_queue_name")] public string JobQueueName { get; set; } = "";

    [Id(23)] [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}
