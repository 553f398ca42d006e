using Prow.Abstractions.Config;
using Prow.Abstractions.Config.Controllers;
using Prow.Abstractions.Config.Yaml;
using Prow.Abstractions.Jobs;
using Prow.Abstractions.Templates;
using Prow.Grains.Jobs;
using Prow.TestSupport;

namespace Prow.Grains.Tests.Jobs;

public class JobUrlsTests
{
    private const string Template = "https://deck.example/view/{{.Spec.Job}}/{{.Status.BuildID}}";

    private static ProwJob Job(bool decorated = true, string org = "kubernetes", string repo = "kubernetes", string bucket = "gs://kubernetes-ci-logs", string ownPrefix = "") => new()
    {
        Metadata = new() { Name = "a-job-id" },
        Spec = new ProwJobSpec
        {
            Type = ProwJobType.Presubmit,
            Job = "pull-unit",
            Refs = new Refs { Org = org, Repo = repo, BaseRef = "main", Pulls = [new Pull { Number = 123 }] },
            DecorationConfig = decorated
                ? new DecorationConfig { GcsConfiguration = new GcsConfiguration { Bucket = bucket, PathStrategy = "legacy", DefaultOrg = "kubernetes", DefaultRepo = "kubernetes", JobUrlPrefix = ownPrefix } }
                : null,
        },
        Status = new ProwJobStatus { BuildId = "456" },
    };

    private static PlankConfig Plank(Dictionary<string, string>? prefixes = null, string template = Template, bool noProvider = false) =>
        new() { JobUrlPrefixConfig = prefixes, JobUrlTemplate = template, JobUrlPrefixDisableAppendStorageProvider = noProvider };

    [Fact]
    public void DecoratedJob_LinksToThePrefixWithProviderBucketAndPath() =>
        Assert.Equal("https://prow.k8s.io/view/gs/kubernetes-ci-logs/pr-logs/pull/123/pull-unit/456",
            JobUrls.For(Job(), Plank(new() { ["*"] = "https://prow.k8s.io/view/" })));

    [Fact]
    public void DisableAppendStorageProvider_LeavesTheProviderOut() =>
        Assert.Equal("https://prow.k8s.io/view/kubernetes-ci-logs/pr-logs/pull/123/pull-unit/456",
            JobUrls.For(Job(), Plank(new() { ["*"] = "https://prow.k8s.io/view" }, noProvider: true)));

    [Theory]
    [InlineData("kubernetes", "test-infra", "https://repo.example/gs/kubernetes-ci-logs/pr-logs/pull/test-infra/123/pull-unit/456")]
    [InlineData("kubernetes", "kubectl", "https://org.example/x/gs/kubernetes-ci-logs/pr-logs/pull/kubectl/123/pull-unit/456")]
    [InlineData("other", "thing", "https://any.example/gs/kubernetes-ci-logs/pr-logs/pull/other_thing/123/pull-unit/456")]
    public void MostSpecificPrefixWins(string org, string repo, string expected)
    {
        var plank = Plank(new() { ["*"] = "https://any.example", ["kubernetes"] = "https://org.example/x/", ["kubernetes/test-infra"] = "https://repo.example/" });
        Assert.Equal(expected, JobUrls.For(Job(org: org, repo: repo), plank));
    }

    [Fact]
    public void JobsOwnPrefix_BeatsTheConfig() =>
        Assert.Equal("https://own.example/view/gs/kubernetes-ci-logs/pr-logs/pull/123/pull-unit/456",
            JobUrls.For(Job(ownPrefix: "https://own.example/view"), Plank(new() { ["*"] = "https://prow.k8s.io/view/" })));

    [Fact]
    public void UndecoratedJob_UsesTheTemplate() =>
        Assert.Equal("https://deck.example/view/pull-unit/456", JobUrls.For(Job(decorated: false), Plank(new() { ["*"] = "https://prow.k8s.io/view/" })));

    [Fact]
    public void DecoratedJobWithoutPrefix_UsesTheTemplate() =>
        Assert.Equal("https://deck.example/view/pull-unit/456", JobUrls.For(Job(), Plank(new() { ["other"] = "https://prow.k8s.io/view/" })));

    [Fact]
    public void DecoratedJobWithoutGcsConfiguration_IsAnErrorNamingTheJob()
    {
        var job = Job();
        job.Spec.DecorationConfig!.GcsConfiguration = null;
        var e = Assert.Throws<ArgumentException>(() => JobUrls.For(job, Plank(new() { ["*"] = "https://prow.k8s.io/view/" })));
        Assert.Contains("a-job-id", e.Message);
        Assert.Contains("gcs_configuration", e.Message);
    }

    [Fact]
    public void FailingTemplate_Throws()
    {
        var job = Job(decorated: false);
        Assert.Throws<GoTemplateException>(() => JobUrls.For(job, Plank(template: "{{index .Spec.Refs.Pulls 5}}")));
    }

    [Fact]
    public void NothingConfigured_FallsBackToTheDecksLogPage()
    {
        var deck = new Uri("https://prow.example.org/");
        Assert.Equal("https://prow.example.org/log?job=pull-unit&id=456", JobUrls.For(Job(decorated: false), Plank(template: ""), deck));
        Assert.Equal("", JobUrls.For(Job(decorated: false), Plank(template: "")));
        Assert.Equal("https://deck.example/view/pull-unit/456", JobUrls.For(Job(decorated: false), Plank(), deck));
    }

    /// <summary>kubernetes' own config (job_url_prefix_config '*' and its default GCS configuration) gives the links prow.k8s.io shows.</summary>
    [Theory]
    [InlineData("kubernetes/kubernetes", "https://prow.k8s.io/view/gs/kubernetes-ci-logs/pr-logs/pull/123/pull-e2e/456")]
    [InlineData("kubernetes/test-infra", "https://prow.k8s.io/view/gs/kubernetes-ci-logs/pr-logs/pull/test-infra/123/pull-e2e/456")]
    [InlineData("kubernetes-sigs/kind", "https://prow.k8s.io/view/gs/kubernetes-ci-logs/pr-logs/pull/kubernetes-sigs_kind/123/pull-e2e/456")]
    public void KubernetesConfig_GivesProwsLinks(string repo, string expected)
    {
        using var dir = new TempDirectory();
        var jobs = dir.Write("jobs/jobs.yaml", $$"""
            presubmits:
              {{repo}}:
              - name: pull-e2e
                decorate: true
                always_run: true
                spec:
                  containers:
                  - image: busybox
                    command: [true]
            """);
        var diagnostics = new List<ConfigDiagnostic>();
        var config = ProwConfigLoader.Load(RepoPaths.CorpusFile("kubernetes", "config", "prow", "config.yaml"), jobs, diagnostics);
        Assert.True(config is not null, string.Join("\n", diagnostics));
        var presubmit = config.Presubmits[repo].Single();
        var parts = repo.Split('/');
        var job = new ProwJob
        {
            Metadata = new() { Name = "a-job-id" },
            Spec = ProwJobFactory.PresubmitSpec(presubmit, new Refs { Org = parts[0], Repo = parts[1], BaseRef = "master", Pulls = [new Pull { Number = 123 }] }),
            Status = new ProwJobStatus { BuildId = "456" },
        };

        Assert.Equal(expected, JobUrls.For(job, config.Plank));
    }
}
