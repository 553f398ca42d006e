using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using k8s;
using Microsoft.Extensions.Logging;
using Prow.Abstractions.Jobs;
using Prow.Grains.Ports;

namespace Prow.Silo.Adapters.Kubernetes;

/// <summary>
/// Agent <c>tekton-pipeline</c>: a Tekton PipelineRun per job, as Prow's pipeline controller makes it
/// (cmd/pipeline makePipelineRun): the job's <c>tekton_pipeline_run_spec.v1beta1</c> (else
/// <c>pipeline_run_spec</c>), Prow's downward API as string params (CI, JOB_NAME, JOB_SPEC, BUILD_ID,
/// PROW_JOB_ID, REPO_OWNER, PULL_REFS...), and tasks whose taskRef is <c>PROW_IMPLICIT_GIT_REF</c> or
/// <c>PROW_EXTRA_GIT_REF_n</c> turned into <c>git-clone</c> tasks with the refs' url and revision.
/// </summary>
public sealed partial class TektonPipelineCluster(
    IKubernetes client,
    string objectNamespace,
    string apiVersion = "v1beta1",
    KubernetesRetryOptions? retry = null,
    TimeProvider? time = null,
    ILogger<TektonPipelineCluster>? logger = null)
    : CustomObjectCluster(client, objectNamespace, CustomObjectKind.TektonPipelineRun(apiVersion), retry, time, logger)
{
    public const string ImplicitGitRef = "PROW_IMPLICIT_GIT_REF";

    [GeneratedRegex("^PROW_EXTRA_GIT_REF_([0-9]+)$")]
    private static partial Regex ExtraGitRef();

    protected override JsonObject BuildSpec(ProwJob job)
    {
        var source = job.Spec.TektonPipelineRunSpec?.V1Beta1 ?? job.Spec.PipelineRunSpec
            ?? throw new BuildClusterException($"ProwJob {job.Name} has no pipeline_run_spec", permanent: true);
        var spec = source.DeepClone().AsObject();

        var parameters = spec["params"] as JsonArray ?? [];
        spec["params"] = parameters;
        var existing = parameters.Select(p => CustomObjectJson.String(p, "name")).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, value) in new SortedDictionary<string, string>(Decoration.JobEnvironment.ForJob(job), StringComparer.Ordinal))
        {
            if (existing.Contains(name)) continue; // the job's own value wins
            parameters.Add(new JsonObject { ["name"] = name, ["value"] = value });
        }

        foreach (var task in (spec["pipelineSpec"]?["tasks"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (GitRefsFor(job, CustomObjectJson.String(task, "taskRef", "name")) is not { } refs) continue;
            task["taskRef"] = new JsonObject { ["name"] = "git-clone" };
            task["params"] = new JsonArray(
                new JsonObject { ["name"] = "url", ["value"] = SourceUrl(refs) },
                new JsonObject { ["name"] = "revision", ["value"] = Revision(refs) });
        }
        return spec;
    }

    private static Refs? GitRefsFor(ProwJob job, string? taskRef)
    {
        if (taskRef == ImplicitGitRef)
            return job.Spec.Refs ?? throw new BuildClusterException($"{ImplicitGitRef} requested on a ProwJob without an implicit git ref", permanent: true);
        if (taskRef is null || ExtraGitRef().Match(taskRef) is not { Success: true } match) return null;
        var index = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        return job.Spec.ExtraRefs is { } extra && index < extra.Count
            ? extra[index]
            : throw new BuildClusterException($"{taskRef} requested but the ProwJob has no extra_refs[{index}]", permanent: true);
    }

    private static string SourceUrl(Refs refs) =>
        refs.CloneUri.Length > 0 ? refs.CloneUri
        : refs.RepoLink.Length > 0 ? refs.RepoLink + ".git"
        : $"https://github.com/{refs.Org}/{refs.Repo}.git";

    private static string Revision(Refs refs) => refs.Pulls is [var pull, ..]
        ? (pull.Sha.Length > 0 ? pull.Sha : $"pull/{pull.Number}/head")
        : (refs.BaseSha.Length > 0 ? refs.BaseSha : refs.BaseRef);
}
