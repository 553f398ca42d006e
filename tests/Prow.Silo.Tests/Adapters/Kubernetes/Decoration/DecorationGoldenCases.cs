using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Prow.Abstractions.Jobs;
using Prow.Abstractions.Jobs.Serialization;
using Prow.Silo.Adapters.Kubernetes.Decoration;
using Prow.TestSupport;

namespace Prow.Silo.Tests.Adapters.Kubernetes.Decoration;

/// <summary>
/// Prow's golden files (shared corpus, prow-reference/decorate-golden/testdata) and our inputs for them
/// (Inputs/, one file per golden file, translated from Prow's podspec_test.go): a ProwJob for
/// TestProwJobToPod_N, a pod spec + job + environment for TestDecorate, Sidecar's arguments for TestSidecar.
/// </summary>
public static class DecorationGoldenCases
{
    public static readonly string[] Names =
    [
        .. Enumerable.Range(0, 11).Select(i => $"TestProwJobToPod_{i}"),
        "zz_fixture_TestDecorate_basic_happy_case",
        "zz_fixture_TestDecorate_censor_secrets_in_sidecar",
        "zz_fixture_TestDecorate_default_memory_request",
        "zz_fixture_TestDecorate_enforcing_memory_limit",
        "zz_fixture_TestDecorate_ignore_interrupts_in_sidecar",
        "zz_fixture_TestSidecar_basic_case",
        "zz_fixture_TestSidecar_with_secrets",
    ];

    public static string GoldenDirectory => RepoPaths.CorpusFile("prow-reference", "decorate-golden", "testdata");

    public static JsonNode Golden(string name) =>
        YamlJsonBridge.FromYaml(File.ReadAllText(Path.Combine(GoldenDirectory, name + ".yaml")))
        ?? throw new InvalidDataException($"golden file {name} is empty");

    public static GoldenShape Shape(string name) =>
        name.StartsWith("zz_fixture_TestDecorate_", StringComparison.Ordinal) ? GoldenShape.PodSpec
        : name.StartsWith("zz_fixture_TestSidecar_", StringComparison.Ordinal) ? GoldenShape.Container
        : GoldenShape.Pod;

    public static string InputText(string name) => File.ReadAllText(Path.Combine(
        RepoPaths.RepoRoot, "tests", "Prow.Silo.Tests", "Adapters", "Kubernetes", "Decoration", "Inputs", name + ".yaml"));

    /// <summary>What we build from the case's input: the pod, the decorated pod spec or the sidecar container.</summary>
    public static object Build(string name) => Shape(name) switch
    {
        GoldenShape.Pod => PodBuilder.ProwJobToPod(ProwJobJson.FromYaml(InputText(name))),
        GoldenShape.PodSpec => Decorated(Input(name)),
        _ => Sidecar(Input(name)),
    };

    /// <summary>Serialized with KubernetesClient's own JSON (what the adapter sends to the API server), as a tree.</summary>
    public static JsonNode Serialize(object built) => JsonNode.Parse(KubernetesJson.Serialize(built))!;

    private static JsonObject Input(string name) => YamlJsonBridge.FromYaml(InputText(name))!.AsObject();

    private static V1PodSpec Decorated(JsonObject input)
    {
        var spec = Kube<V1PodSpec>(input["pod_spec"]);
        var job = ProwJobJson.FromNode(input["prowjob"]!);
        var rawEnv = input["raw_env"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());
        PodBuilder.Decorate(spec, job, rawEnv);
        return spec;
    }

    private static V1Container Sidecar(JsonObject input)
    {
        var gcs = input["gcs_options"]!;
        return PodUtilityContainers.Sidecar(
            input["decoration_config"].Deserialize<DecorationConfig>(ProwJobJson.Options)!,
            new GcsUploadOptions
            {
                Items = gcs["items"]?.AsArray().Select(i => i!.GetValue<string>()).ToList(),
                GcsConfiguration = gcs["gcs_configuration"].Deserialize<GcsConfiguration>(ProwJobJson.Options),
            },
            Kube<List<V1VolumeMount>>(input["blob_storage_mounts"]),
            Kube<V1VolumeMount>(input["log_mount"]),
            input["output_mount"] is { } output ? Kube<V1VolumeMount>(output) : null,
            input["encoded_job_spec"]!.GetValue<string>(),
            input["require_passing_entries"]!.GetValue<bool>(),
            input["ignore_interrupts"]!.GetValue<bool>(),
            input["secret_volume_mounts"] is { } secrets ? Kube<List<V1VolumeMount>>(secrets) : [],
            [.. input["wrappers"]!.AsArray().Select(w => new WrapperOptions
            {
                Args = w!["args"]?.AsArray().Select(a => a!.GetValue<string>()).ToList(),
                ContainerName = w["container_name"]?.GetValue<string>() ?? "",
            })]);
    }

    private static T Kube<T>(JsonNode? node) => KubernetesJson.Deserialize<T>(node!.ToJsonString());
}
