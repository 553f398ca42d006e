using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Prow.Abstractions.Config.Jobs;

/// <summary>Prow's validateJobBase: name, max_concurrency, agent, pod spec, labels, queue, decoration.</summary>
public static partial class JobBaseValidator
{
    private static readonly HashSet<string> ReservedLabels = ["prow.k8s.io/type", "created-by-prow", "prow.k8s.io/id"];

    public static void Validate(ProwConfig config, JobBase job, string jobType, ConfigProblems problems)
    {
        var nameRegex = job.Agent == JobDefaults.JenkinsAgent ? JenkinsJobName() : JobName();
        if (!nameRegex.IsMatch(job.Name))
            problems.Error(job, "name", $"invalid job name \"{job.Name}\": must match regex \"{nameRegex}\"");
        if (job.MaxConcurrency < 0)
            problems.Error(job, "max_concurrency", $"{job.MaxConcurrency} must be a non-negative number");

        ValidateAgent(config, job, problems);
        if (job.Spec is not null)
        {
            foreach (var problem in PodSpecValidator.Problems(jobType, job.Spec, job.DecorationConfig))
                problems.Error(job, "spec", problem);
        }
        if (job.Agent == JobDefaults.TektonAgent)
        {
            var pipeline = job.TektonPipelineRunSpec?.V1Beta1 ?? job.PipelineRunSpec;
            if (pipeline is not null && PipelineRunProblem(jobType, job.ExtraRefs?.Count ?? 0, pipeline) is { } problem)
                problems.Error(job, "pipeline_run_spec", problem);
        }
        foreach (var (label, value) in job.Labels ?? [])
        {
            if (ReservedLabels.Contains(label)) problems.Error(job, "labels", $"label {label} is reserved for decoration");
            else if (KubernetesNames.QualifiedNameProblems(label) is { Count: > 0 } keyProblems)
                problems.Error(job, "labels", $"invalid label {label}: [{string.Join("; ", keyProblems)}]");
            else if (KubernetesNames.LabelValueProblems(value) is { Count: > 0 } valueProblems)
                problems.Error(job, "labels", $"label {label} has invalid value {value}: [{string.Join("; ", valueProblems)}]");
        }
        foreach (var key in job.Annotations?.Keys ?? Enumerable.Empty<string>())
        {
            if (KubernetesNames.QualifiedNameProblems(key) is { Count: > 0 } keyProblems)
                problems.Error(job, "annotations", $"invalid annotation key \"{key}\": [{string.Join("; ", keyProblems)}]");
        }
        if (job.JobQueueName.Length > 0 && config.Plank.JobQueueCapacities?.ContainsKey(job.JobQueueName) != true)
            problems.Error(job, "job_queue_name", $"invalid job queue name {job.JobQueueName}: not in plank.job_queue_capacities");

        var containers = job.Spec is null ? [] : PodSpecValidator.Objects(job.Spec, "containers").ToList();
        if (containers.Count == 0) return;
        if (job.RerunAuthConfig is { AllowAnyone: true, HasAllowList: true })
            problems.Error(job, "rerun_auth_config", "allow anyone is set to true and permitted users or groups are specified");
        ValidateCloneUri(job, job.CloneUri, "clone_uri", problems);
        foreach (var (extra, index) in (job.ExtraRefs ?? []).Select((r, i) => (r, i)))
            ValidateCloneUri(job, extra.CloneUri, $"extra_refs[{index}].clone_uri", problems);
        if (job.DecorationConfig is { } decoration)
        {
            if (DecorationProblem(decoration) is { } problem)
                problems.Error(job, "decoration_config", $"invalid decoration config: {problem}");
            if (containers.Any(c => !PodSpecValidator.HasCommand(c)))
                problems.Error(job, "spec", "decorated job containers must specify command and/or args");
        }
    }

    /// <summary>Prow's validateAgent: the first mismatch between agent, specs and options, at its key.</summary>
    private static void ValidateAgent(ProwConfig config, JobBase job, ConfigProblems problems)
    {
        var agent = job.Agent;
        if (agent is not (JobDefaults.KubernetesAgent or JobDefaults.JenkinsAgent or JobDefaults.TektonAgent or JobDefaults.KnativeBuildAgent or JobDefaults.LocalAgent))
        {
            problems.Warning(job, "agent", $"agent {agent} is unknown and cannot be validated: use at your own risk");
            return;
        }
        if (AgentProblem(config, job) is var (key, problem)) problems.Error(job, key, problem);
    }

    private static (string Key, string Problem)? AgentProblem(ProwConfig config, JobBase job)
    {
        var agent = job.Agent;
        // The local agent runs the same pod spec (and decoration settings) as processes, so it is checked as kubernetes is.
        var kubernetes = agent is JobDefaults.KubernetesAgent or JobDefaults.LocalAgent;
        var hasPipeline = job.PipelineRunSpec is not null || job.TektonPipelineRunSpec?.V1Beta1 is not null;
        if (job.Spec is not null && !kubernetes) return ("agent", $"job specs require agent: kubernetes or local (found \"{agent}\")");
        if (kubernetes && job.Spec is null) return ("agent", $"{agent} jobs require a spec");
        if (hasPipeline && agent != JobDefaults.TektonAgent) return ("agent", $"job pipeline_run_spec require agent: tekton-pipeline (found \"{agent}\")");
        if (agent == JobDefaults.TektonAgent && !hasPipeline) return ("agent", "agent: tekton-pipeline jobs require a pipeline_run_spec");
        if (job.BuildSpec is not null && agent != JobDefaults.KnativeBuildAgent) return ("agent", $"job build_spec requires agent: knative-build (found \"{agent}\")");
        if (agent == JobDefaults.KnativeBuildAgent && job.BuildSpec is null) return ("agent", "agent: knative-build jobs require a build_spec");
        if (job.DecorationConfig is not null && !kubernetes) return ("agent", $"decoration requires agent: kubernetes (found \"{agent}\")");
        if (job.ErrorOnEviction && !kubernetes) return ("agent", $"error_on_eviction only applies to agent: kubernetes (found \"{agent}\")");
        if (string.IsNullOrEmpty(job.Namespace)) return ("namespace", "failed to default namespace");
        if (job.Namespace != config.PodNamespace && agent != JobDefaults.TektonAgent)
            return ("namespace", $"namespace customization requires agent: tekton-pipeline (found \"{agent}\")");
        return null;
    }

    private static void ValidateCloneUri(JobBase job, string uri, string key, ConfigProblems problems)
    {
        if (uri.Length == 0) return;
        var trimmed = uri[(uri.IndexOf('@') + 1)..];
        if (job.DecorationConfig?.OauthTokenSecret is not null
            && !(Uri.TryCreate(trimmed, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https"))
            problems.Error(job, key, $"scheme must be http or https when OAuth secret is specified: {trimmed}");
    }

    /// <summary>Prow's DecorationConfig.Validate; null when valid.</summary>
    public static string? DecorationProblem(DecorationConfig decoration)
    {
        if (decoration.UtilityImages is not { } images) return "utility image config is not specified";
        var missing = new List<string>();
        if (images.CloneRefs.Length == 0) missing.Add("clonerefs");
        if (images.InitUpload.Length == 0) missing.Add("initupload");
        if (images.Entrypoint.Length == 0) missing.Add("entrypoint");
        if (images.Sidecar.Length == 0) missing.Add("sidecar");
        if (missing.Count > 0) return $"the following utility images are not specified: [{string.Join(" ", missing.Select(m => $"\"{m}\""))}]";
        if (decoration.GcsConfiguration is not { } gcs) return "GCS upload configuration is not specified";
        if (gcs.PathStrategy is not ("legacy" or "explicit" or "single"))
            return "GCS configuration is invalid: gcs_path_strategy must be one of \"legacy\", \"explicit\", or \"single\"";
        if (gcs.PathStrategy != "explicit" && (gcs.DefaultOrg.Length == 0 || gcs.DefaultRepo.Length == 0))
            return $"GCS configuration is invalid: default org and repo must be provided for GCS strategy \"{gcs.PathStrategy}\"";
        if (decoration.OauthTokenSecret is not null && decoration.SshKeySecrets is { Count: > 0 })
            return "both OAuth token and SSH key secrets are specified";
        return null;
    }

    /// <summary>Prow's ValidatePipelineRunSpec: every extra ref is used by a task as PROW_EXTRA_GIT_REF_n.</summary>
    private static string? PipelineRunProblem(string jobType, int extraRefs, JsonObject spec)
    {
        var used = new HashSet<int>();
        var tasks = (spec["pipelineSpec"] as JsonObject)?["tasks"] as JsonArray ?? [];
        foreach (var task in tasks.OfType<JsonObject>())
        {
            var refName = (task["taskRef"] as JsonObject)?["name"]?.ToString() ?? "";
            if (jobType == "periodic" && refName == "PROW_IMPLICIT_GIT_REF")
                return "periodic jobs do not have an implicit git ref to replace PROW_IMPLICIT_GIT_REF";
            var match = ExtraRef().Match(refName);
            if (!match.Success) continue;
            if (match.Groups[1].Value.Length > 1 && match.Groups[1].Value[0] == '0')
                return $"task \"{task["name"]}\": leading zeros are not allowed in PROW_EXTRA_GIT_REF_* indexes";
            used.Add(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        }
        for (var i = 0; i < extraRefs; i++)
        {
            if (!used.Contains(i)) return $"extra_refs[{i}] is not used; some task must reference PROW_EXTRA_GIT_REF_{i}";
        }
        return extraRefs != used.Count
            ? $"{extraRefs} extra_refs are specified, but the following PROW_EXTRA_GIT_REF_* indexes are used: {string.Join(", ", used.Order())}"
            : null;
    }

    [GeneratedRegex("^[A-Za-z0-9-._]+$")]
    private static partial Regex JobName();

    [GeneratedRegex("^[A-Za-z0-9-._]([A-Za-z0-9-._/]*[A-Za-z0-9-_])?$")]
    private static partial Regex JenkinsJobName();

    [GeneratedRegex(@"PROW_EXTRA_GIT_REF_(\d+)")]
    private static partial Regex ExtraRef();
}
