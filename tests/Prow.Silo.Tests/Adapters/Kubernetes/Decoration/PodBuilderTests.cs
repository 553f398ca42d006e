using k8s.Models;
using Prow.Abstractions.Jobs;
using Prow.Silo.Adapters.Kubernetes.Decoration;

namespace Prow.Silo.Tests.Adapters.Kubernetes.Decoration;

/// <summary>ProwJobToPod and Decorate beyond the golden files: errors, grace periods, JOB_SPEC text, purity.</summary>
public sealed class PodBuilderTests
{
    [Fact]
    public void NoPodSpec_Rejected()
    {
        var job = new ProwJob { Metadata = { Name = "x" }, Spec = { Type = ProwJobType.Periodic } };

        var error = Assert.Throws<ArgumentException>(() => PodBuilder.ProwJobToPod(job));
        Assert.Contains("prowjob \"x\" lacks a pod spec", error.Message);
    }

    [Theory]
    [InlineData(ProwJobType.Presubmit)]
    [InlineData(ProwJobType.Postsubmit)]
    [InlineData(ProwJobType.Batch)]
    public void RepositoryJobWithoutRefs_Rejected(ProwJobType type)
    {
        var job = Job(type);
        job.Spec.Refs = null;

        Assert.Throws<ArgumentException>(() => PodBuilder.ProwJobToPod(job));
    }

    [Fact]
    public void PresubmitWithoutPull_Rejected()
    {
        var job = Job(ProwJobType.Presubmit);
        job.Spec.Refs!.Pulls = null;

        Assert.Throws<ArgumentException>(() => PodBuilder.ProwJobToPod(job));
    }

    // Prow's TestProwJobToPod_setsTerminationGracePeriodSeconds.
    [Theory]
    [InlineData(null, 10, 12L)]
    [InlineData(60L, null, 60L)]
    [InlineData(null, null, null)]
    public void TerminationGracePeriod_FromDecorationGracePeriodUnlessSet(long? podSeconds, int? gracePeriodSeconds, long? expected)
    {
        var spec = new V1PodSpec { TerminationGracePeriodSeconds = podSeconds, Containers = [new V1Container()] };
        var job = new ProwJob
        {
            Spec =
            {
                DecorationConfig = new DecorationConfig
                {
                    UtilityImages = new UtilityImages(),
                    GracePeriod = gracePeriodSeconds is { } s ? TimeSpan.FromSeconds(s) : null,
                    Timeout = TimeSpan.FromSeconds(10),
                },
            },
        };

        PodBuilder.Decorate(spec, job, new Dictionary<string, string>());

        Assert.Equal(expected, spec.TerminationGracePeriodSeconds);
    }

    [Fact]
    public void PostsubmitEnvironment_RefsButNoPull()
    {
        var job = Job(ProwJobType.Postsubmit);
        job.Spec.Refs!.RepoLink = "https://gitlab.example.com/group/project";

        var env = PodBuilder.ProwJobToPod(job).Spec.Containers[0].Env.Select(e => e.Name + "=" + e.Value);

        Assert.Equal(
        [
            "BUILD_ID=7", "BUILD_NUMBER=7", "CI=true", "JOB_NAME=unit", "JOB_SPEC=" + JobEnvironment.EncodeJobSpec(job), "JOB_TYPE=postsubmit",
            "PROW_JOB_ID=abc", "PULL_BASE_REF=main", "PULL_BASE_SHA=base", "PULL_REFS=main:base,3:head", "REPO_NAME=repo", "REPO_OWNER=org",
            "SRC_BASE=group/project", "SRC_HOST=gitlab.example.com",
        ], env);
    }

    [Fact]
    public void JobSpec_EscapedAsGoEscapes()
    {
        var job = Job(ProwJobType.Periodic);
        job.Spec.Job = "a<b>&c\u2028 é😀\u001f\u007f'+\"\\\b\f\n\t\u00a0";

        var text = JobEnvironment.EncodeJobSpec(job);

        // DEL, U+00A0, é and the emoji stay as they are; the rest is escaped as Go escapes it.
        Assert.StartsWith("{\"type\":\"periodic\",\"job\":\"a\\u003cb\\u003e\\u0026c\\u2028 é😀\\u001f\u007f'+\\\"\\\\\\b\\f\\n\\t\u00a0\",\"buildid\":\"7\",", text);
        Assert.Equal(job.Spec.Job, System.Text.Json.JsonDocument.Parse(text).RootElement.GetProperty("job").GetString());
    }

    [Fact]
    public void ServiceAccountNamed_TokenMountLeftToKubernetes()
    {
        var job = Job(ProwJobType.Periodic);
        job.Spec.PodSpec!["serviceAccountName"] = "runner";

        Assert.Null(PodBuilder.ProwJobToPod(job).Spec.AutomountServiceAccountToken);
    }

    [Fact]
    public void Build_LeavesTheJobUnchanged()
    {
        var job = ProwJobJson.FromYaml(DecorationGoldenCases.InputText("TestProwJobToPod_7"));
        var before = ProwJobJson.Serialize(job);

        var pod = PodBuilder.ProwJobToPod(job);
        pod.Spec.InitContainers[0].VolumeMounts[0].MountPath = "/changed";

        Assert.Equal(before, ProwJobJson.Serialize(job));
        Assert.Equal("/logs", pod.Spec.Containers[0].VolumeMounts[0].MountPath);
    }

    private static ProwJob Job(ProwJobType type) => new()
    {
        Metadata = { Name = "abc" },
        Spec =
        {
            Type = type,
            Agent = ProwJobAgents.Kubernetes,
            Job = "unit",
            Refs = new Refs { Org = "org", Repo = "repo", BaseRef = "main", BaseSha = "base", Pulls = [new Pull { Number = 3, Sha = "head" }] },
            PodSpec = new() { ["containers"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["image"] = "alpine" }) },
        },
        Status = { BuildId = "7" },
    };
}
