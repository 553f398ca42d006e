using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Prow.Abstractions.Jobs;

namespace Prow.Silo.Adapters.Local;

/// <summary>
/// The environment Prow gives a job's test container (pkg/pod-utils/downwardapi EnvForSpec):
/// CI, JOB_NAME, JOB_TYPE, JOB_SPEC, BUILD_ID, BUILD_NUMBER, PROW_JOB_ID; for jobs with refs
/// REPO_OWNER, REPO_NAME, SRC_HOST, SRC_BASE, PULL_BASE_REF, PULL_BASE_SHA, PULL_REFS; for
/// presubmits PULL_NUMBER, PULL_PULL_SHA, PULL_HEAD_REF, PULL_TITLE.
/// </summary>
internal static class JobEnvironment
{
    /// <summary>
    /// Every variable Prow may set (downwardapi's EnvForType for a presubmit, plus ARTIFACTS): those a
    /// job does not get are removed from the environment it inherits from the host, so a periodic
    /// started by a host that itself runs in CI does not see that CI's PULL_NUMBER.
    /// </summary>
    public static readonly IReadOnlyList<string> AllNames =
    [
        "CI", "JOB_NAME", "JOB_SPEC", "JOB_TYPE", "PROW_JOB_ID", "BUILD_ID", "BUILD_NUMBER",
        "REPO_OWNER", "REPO_NAME", "SRC_BASE", "SRC_HOST", "PULL_BASE_REF", "PULL_BASE_SHA", "PULL_REFS",
        "PULL_NUMBER", "PULL_PULL_SHA", "PULL_HEAD_REF", "PULL_TITLE", "TRIGGER_COMMENT_ID", "TRIGGER_COMMENT_URL",
        "ARTIFACTS",
    ];

    /// <summary>Prow's variables for <paramref name="job"/>, sorted by name as decorate writes them.</summary>
    public static SortedDictionary<string, string> ForJob(ProwJob job)
    {
        var spec = job.Spec;
        var buildId = job.Status.BuildId;
        var env = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["CI"] = "true",
            ["JOB_NAME"] = spec.Job,
            ["BUILD_ID"] = buildId,
            // Prow sets BUILD_NUMBER only for the kubernetes agent; local jobs stand in for pods.
            ["BUILD_NUMBER"] = buildId,
            ["PROW_JOB_ID"] = job.Name,
            ["JOB_TYPE"] = ProwJobLabels.TypeName(spec.Type),
            ["JOB_SPEC"] = JobSpecJson(job),
        };
        if (spec.Type == ProwJobType.Periodic || spec.Refs is not { } refs) return env;

        env["REPO_OWNER"] = refs.Org;
        env["REPO_NAME"] = refs.Repo;
        var (host, basePath) = SourceHostAndBase(refs);
        env["SRC_HOST"] = host;
        env["SRC_BASE"] = basePath;
        env["PULL_BASE_REF"] = refs.BaseRef;
        env["PULL_BASE_SHA"] = refs.BaseSha;
        env["PULL_REFS"] = refs.ToString();
        if (spec.Type is ProwJobType.Postsubmit or ProwJobType.Batch || refs.Pulls is not { Count: > 0 } pulls) return env;

        env["PULL_NUMBER"] = pulls[0].Number.ToString(CultureInfo.InvariantCulture);
        env["PULL_PULL_SHA"] = pulls[0].Sha;
        env["PULL_HEAD_REF"] = pulls[0].HeadRef;
        env["PULL_TITLE"] = pulls[0].Title;
        return env;
    }

    /// <summary>
    /// JOB_SPEC: downwardapi's JobSpec as Go's encoding/json writes it (type, job, buildid,
    /// prowjobid, refs, extra_refs, decoration_config, trigger_comment; empty ones omitted; &lt; &gt; &amp;
    /// escaped as \u003c \u003e \u0026).
    /// </summary>
    public static string JobSpecJson(ProwJob job)
    {
        var spec = job.Spec;
        var node = new JsonObject();
        AddIfSet(node, "type", ProwJobLabels.TypeName(spec.Type));
        AddIfSet(node, "job", spec.Job);
        AddIfSet(node, "buildid", job.Status.BuildId);
        AddIfSet(node, "prowjobid", job.Name);
        if (spec.Refs is not null) node["refs"] = JsonSerializer.SerializeToNode(spec.Refs, ProwJobJson.Options);
        if (spec.ExtraRefs is { Count: > 0 }) node["extra_refs"] = JsonSerializer.SerializeToNode(spec.ExtraRefs, ProwJobJson.Options);
        if (spec.DecorationConfig is not null) node["decoration_config"] = JsonSerializer.SerializeToNode(spec.DecorationConfig, ProwJobJson.Options);
        if (spec.Extra?.TryGetValue("trigger_comment", out var comment) == true && comment.ValueKind == JsonValueKind.Object)
            node["trigger_comment"] = JsonNode.Parse(comment.GetRawText());
        return GoHtmlEscape(node.ToJsonString(ProwJobJson.Options));
    }

    /// <summary>downwardapi's SRC_HOST and SRC_BASE: from path_alias, else repo_link, else github.com/org/repo.</summary>
    public static (string Host, string BasePath) SourceHostAndBase(Refs refs)
    {
        var hostAndPath = refs.PathAlias.Length > 0 ? refs.PathAlias
            : refs.RepoLink.Length > 0 ? refs.RepoLink.Split("://")[^1]
            : null;
        if (hostAndPath is null) return ("github.com", $"{refs.Org}/{refs.Repo}");
        var slash = hostAndPath.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? (hostAndPath, $"{refs.Org}/{refs.Repo}") : (hostAndPath[..slash], hostAndPath[(slash + 1)..]);
    }

    private static void AddIfSet(JsonObject node, string name, string value)
    {
        if (value.Length > 0) node[name] = value;
    }

    /// <summary>Go escapes these inside strings; outside strings they cannot occur in JSON, so a plain replace is exact.</summary>
    private static string GoHtmlEscape(string json)
    {
        if (json.AsSpan().IndexOfAny("<>&\u2028\u2029") < 0) return json;
        var builder = new StringBuilder(json.Length + 16);
        foreach (var c in json)
        {
            builder.Append(c switch
            {
                '<' => "\\u003c",
                '>' => "\\u003e",
                '&' => "\\u0026",
                '\u2028' => "\\u2028",
                '\u2029' => "\\u2029",
                _ => c.ToString(),
            });
        }
        return builder.ToString();
    }
}
