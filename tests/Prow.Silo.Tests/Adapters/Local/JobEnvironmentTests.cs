using System.Text.Json;
using System.Text.Json.Nodes;
using Prow.Abstractions.Jobs;
using Prow.Abstractions.Jobs.Serialization;
using Prow.Silo.Adapters.Local;
using Prow.TestSupport;

namespace Prow.Silo.Tests.Adapters.Local;

public sealed class JobEnvironmentTests
{
    /// <summary>What decorate adds beside the downward API (or the test's own env); not ours to compare.</summary>
    private static readonly HashSet<string> NotDownwardApi = ["MY_ENV", "ARTIFACTS", "GOPATH", "ENTRYPOINT_OPTIONS"];

    public static TheoryData<string> GoldenPods => new(
        Directory.GetFiles(RepoPaths.CorpusFile("prow-reference", "decorate-golden", "testdata"), "TestProwJobToPod_*.yaml")
            .Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(GoldenPods))]
    public void Environment_MatchesProwsGoldenPod(string golden)
    {
        var pod = YamlJsonBridge.FromYaml(File.ReadAllText(RepoPaths.CorpusFile("prow-reference", "decorate-golden", "testdata", golden)))!;
        var expected = pod["spec"]!["containers"]![0]!["env"]!.AsArray()
            .Select(e => (Name: (string)e!["name"]!, Value: (string?)e["value"] ?? ""))
            .Where(e => !NotDownwardApi.Contains(e.Name))
            .ToList();
        var job = JobFromSpec(JsonNode.Parse(expected.Single(e => e.Name == "JOB_SPEC").Value)!.AsObject());

        var env = JobEnvironment.ForJob(job);

        Assert.Equal(expected.Select(e => e.Name).Order(StringComparer.Ordinal), env.Keys);
        foreach (var (name, value) in expected) Assert.True(value == env[name], $"{name}: expected {value}, got {env[name]}");
    }

    [Fact]
    public void PullRefs_ListsEveryPullAfterTheBase()
    {
        var job = new ProwJob
        {
            Metadata = { Name = "abc" },
            Spec =
            {
                Type = ProwJobType.Batch,
                Job = "pull-test",
                Refs = new Refs
                {
                    Org = "o", Repo = "r", BaseRef = "main", BaseSha = "b0",
                    Pulls = [new Pull { Number = 1, Sha = "s1" }, new Pull { Number = 22, Sha = "s22", Ref = "refs/changes/22" }],
                },
            },
            Status = { BuildId = "7" },
        };

        var env = JobEnvironment.ForJob(job);

        Assert.Equal("main:b0,1:s1,22:s22:refs/changes/22", env["PULL_REFS"]);
        Assert.False(env.ContainsKey("PULL_NUMBER"));
        Assert.Equal(("o", "r", "github.com", "o/r"), (env["REPO_OWNER"], env["REPO_NAME"], env["SRC_HOST"], env["SRC_BASE"]));
    }

    [Fact]
    public void JobSpec_EscapesHtmlCharactersAsGoDoes()
    {
        var job = new ProwJob
        {
            Metadata = { Name = "abc" },
            Spec =
            {
                Type = ProwJobType.Presubmit,
                Job = "j",
                Refs = new Refs { Org = "o", Repo = "r", BaseRef = "main", Pulls = [new Pull { Number = 1, Sha = "s", Title = "a <b> & c" }] },
            },
        };

        var spec = Prow.Silo.Adapters.Kubernetes.Decoration.JobEnvironment.EncodeJobSpec(job);

        Assert.Equal("""{"type":"presubmit","job":"j","prowjobid":"abc","refs":{"org":"o","repo":"r","base_ref":"main","pulls":[{"number":1,"author":"","sha":"s","title":"a \u003cb\u003e \u0026 c"}]}}""", spec);
        Assert.Equal("a <b> & c", JobEnvironment.ForJob(job)["PULL_TITLE"]);
    }

    private static ProwJob JobFromSpec(JsonObject spec) => new()
    {
        Metadata = { Name = (string)spec["prowjobid"]! },
        Spec =
        {
            Type = spec["type"]!.Deserialize<ProwJobType>(ProwJobJson.Options),
            Job = (string)spec["job"]!,
            Refs = spec["refs"]?.Deserialize<Refs>(ProwJobJson.Options),
            ExtraRefs = spec["extra_refs"]?.Deserialize<List<Refs>>(ProwJobJson.Options),
            DecorationConfig = spec["decoration_config"]?.Deserialize<DecorationConfig>(ProwJobJson.Options),
        },
        Status = { BuildId = (string)spec["buildid"]! },
    };
}
