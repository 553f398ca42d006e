using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Prow.Abstractions.Jobs;

namespace Prow.Silo.Adapters.Kubernetes;

/// <summary>
/// Prow's downward API (pod-utils/downwardapi <c>EnvForSpec</c>): the variables a job sees — CI,
/// JOB_NAME, JOB_TYPE, JOB_SPEC, BUILD_ID, PROW_JOB_ID (BUILD_NUMBER for agent kubernetes), and for
/// jobs with refs REPO_OWNER, REPO_NAME, SRC_HOST, SRC_BASE, PULL_BASE_REF, PULL_BASE_SHA, PULL_REFS,
/// plus PULL_NUMBER, PULL_PULL_SHA, PULL_HEAD_REF, PULL_TITLE for presubmits. Knative Builds get them
/// as step env and template arguments, Tekton PipelineRuns as params.
/// </summary>
public static class JobEnvironment
{
    public static SortedDictionary<string, string> ForJob(ProwJob job)
    {
        var spec = job.Spec;
        var buildId = job.Status.BuildId;
        var env = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["CI"] = "true",
            ["JOB_NAME"] = spec.Job,
            ["BUILD_ID"] = buildId,
            ["PROW_JOB_ID"] = job.Name,
            ["JOB_TYPE"] = ProwJobLabels.TypeName(spec.Type),
            ["JOB_SPEC"] = JobSpec(job).ToJsonString(),
        };
        if (spec.Agent == ProwJobAgents.Kubernetes) env["BUILD_NUMBER"] = buildId;
        if (spec.Type == ProwJobType.Periodic || spec.Refs is not { } refs) return env;

        env["REPO_OWNER"] = refs.Org;
        env["REPO_NAME"] = refs.Repo;
        var (host, basePath) = ("github.com", $"{refs.Org}/{refs.Repo}");
        if (refs.PathAlias.Length > 0)
        {
            var cut = refs.PathAlias.Split('/', 2);
            (host, basePath) = cut.Length == 2 ? (cut[0], cut[1]) : (refs.PathAlias, basePath);
        }
        else if (refs.RepoLink.Length > 0)
        {
            var hostAndPath = refs.RepoLink.Split("://")[^1];
            var cut = hostAndPath.Split('/', 2);
            (host, basePath) = cut.Length == 2 ? (cut[0], cut[1]) : (hostAndPath, basePath);
        }
        env["SRC_HOST"] = host;
        env["SRC_BASE"] = basePath;
        env["PULL_BASE_REF"] = refs.BaseRef;
        env["PULL_BASE_SHA"] = refs.BaseSha;
        env["PULL_REFS"] = refs.ToString();
        if (spec.Type is ProwJobType.Postsubmit or ProwJobType.Batch || refs.Pulls is not [var pull, ..]) return env;

        env["PULL_NUMBER"] = pull.Number.ToString(CultureInfo.InvariantCulture);
        env["PULL_PULL_SHA"] = pull.Sha;
        env["PULL_HEAD_REF"] = pull.HeadRef;
        env["PULL_TITLE"] = pull.Title;
        return env;
    }

    /// <summary>Prow's JobSpec JSON: type, job, buildid, prowjobid, refs, extra_refs, decoration_config (empty ones omitted).</summary>
    public static JsonObject JobSpec(ProwJob job)
    {
        var spec = new JsonObject();
        void Add(string key, JsonNode? value)
        {
            if (value is null || value is JsonValue v && v.TryGetValue<string>(out var s) && s.Length == 0) return;
            spec[key] = value;
        }
        Add("type", ProwJobLabels.TypeName(job.Spec.Type));
        Add("job", job.Spec.Job);
        Add("buildid", job.Status.BuildId);
        Add("prowjobid", job.Name);
        Add("refs", job.Spec.Refs is null ? null : JsonSerializer.SerializeToNode(job.Spec.Refs, ProwJobJson.Options));
        Add("extra_refs", job.Spec.ExtraRefs is { Count: > 0 } extra ? JsonSerializer.SerializeToNode(extra, ProwJobJson.Options) : null);
        Add("decoration_config", job.Spec.DecorationConfig is null ? null : JsonSerializer.SerializeToNode(job.Spec.DecorationConfig, ProwJobJson.Options));
        return spec;
    }
}
