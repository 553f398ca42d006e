using System.Text.Json.Nodes;
using k8s;
using Microsoft.Extensions.Logging;
using Prow.Abstractions.Jobs;
using Prow.Grains.Ports;

namespace Prow.Silo.Adapters.Kubernetes;

/// <summary>
/// Agent <c>knative-build</c> (removed from current Prow; kept for old jobs): a
/// <c>build.knative.dev/v1alpha1</c> Build per job, as Prow's build controller made it (cmd/build
/// makeBuild): the job's <c>build_spec</c>, Prow's downward API added to every step's env and the
/// template's arguments (names the spec sets are kept), and — when the spec has no source and
/// <paramref name="sourceBuilder"/> gives one (the clonerefs container of a decorated job) — that
/// container as <c>spec.source.custom</c>, its volumes, and the clone path as every step's workingDir
/// and the template's WORKDIR argument.
/// </summary>
public sealed class KnativeBuildCluster(
    IKubernetes client,
    string objectNamespace,
    Func<ProwJob, KnativeBuildSource?>? sourceBuilder = null,
    KubernetesRetryOptions? retry = null,
    TimeProvider? time = null,
    ILogger<KnativeBuildCluster>? logger = null)
    : CustomObjectCluster(client, objectNamespace, CustomObjectKind.KnativeBuild, retry, time, logger)
{
    /// <summary>Where Knative mounts the workspace in every step.</summary>
    public const string WorkspaceMountPath = "/workspace";

    protected override JsonObject BuildSpec(ProwJob job)
    {
        var spec = job.Spec.BuildSpec?.DeepClone().AsObject()
            ?? throw new BuildClusterException($"ProwJob {job.Name} has no build_spec", permanent: true);
        var steps = (spec["steps"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var template = spec["template"] as JsonObject;

        var env = new SortedDictionary<string, string>(Decoration.JobEnvironment.ForJob(job), StringComparer.Ordinal);
        foreach (var step in steps) AddMissing(step, "env", env);
        if (template is not null) AddMissing(template, "arguments", env);

        if (spec["source"] is null && sourceBuilder?.Invoke(job) is { } source)
        {
            var container = source.Container.DeepClone().AsObject();
            container.Remove("name"); // knative-build requirement
            spec["source"] = new JsonObject { ["custom"] = container };
            if (source.Volumes is { Count: > 0 } volumes)
            {
                var all = spec["volumes"] as JsonArray ?? [];
                spec["volumes"] = all;
                foreach (var volume in volumes) all.Add(volume?.DeepClone());
            }
            if ((job.Spec.Refs ?? job.Spec.ExtraRefs?.FirstOrDefault()) is { } refs)
            {
                var workDir = PathForRefs(WorkspaceMountPath, refs);
                foreach (var step in steps.Where(s => string.IsNullOrEmpty(CustomObjectJson.String(s, "workingDir")))) step["workingDir"] = workDir;
                if (template is not null)
                {
                    var arguments = template["arguments"] as JsonArray ?? [];
                    template["arguments"] = arguments;
                    arguments.Add(new JsonObject { ["name"] = "WORKDIR", ["value"] = workDir });
                }
            }
        }
        return spec;
    }

    /// <summary>Prow's clone.PathForRefs: base/src/(path_alias | host/path of repo_link | github.com/org/repo).</summary>
    public static string PathForRefs(string baseDir, Refs refs)
    {
        var clonePath = refs.PathAlias.Length > 0 ? refs.PathAlias
            : refs.RepoLink.Length > 0 ? refs.RepoLink.Split("://")[^1]
            : $"github.com/{refs.Org}/{refs.Repo}";
        return $"{baseDir.TrimEnd('/')}/src/{clonePath}";
    }

    private static void AddMissing(JsonObject owner, string listName, IReadOnlyDictionary<string, string> values)
    {
        var list = owner[listName] as JsonArray ?? [];
        owner[listName] = list;
        var existing = list.Select(e => CustomObjectJson.String(e, "name")).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            if (!existing.Contains(name)) list.Add(new JsonObject { ["name"] = name, ["value"] = value });
        }
    }
}
