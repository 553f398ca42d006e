using System.Text.RegularExpressions;
using Prow.Abstractions.Config;
using Prow.Abstractions.Config.Jobs;
using Prow.Abstractions.Config.Yaml;

namespace Prow.Abstractions.Tests.Config;

public sealed class DefaultsTests
{
    [Fact]
    public void EmptyConfig_GetsProwDefaultsAndOurSinkerDefaults()
    {
        using var temp = new TempConfig("");

        var (config, diagnostics) = temp.Load(jobs: "");

        Assert.Empty(diagnostics);
        Assert.NotNull(config);
        Assert.Equal(TimeSpan.FromMinutes(10), config.Plank.PodPendingTimeout);
        Assert.Equal(TimeSpan.FromMinutes(5), config.Plank.PodUnscheduledTimeout);
        Assert.Equal(TimeSpan.FromHours(48), config.Plank.PodRunningTimeout);
        Assert.Equal(3, config.Plank.MaxRevivals);
        Assert.Equal(20, config.Plank.MaxGoroutines);
        Assert.Equal(TimeSpan.FromHours(48), config.Sinker.MaxProwJobAge);
        Assert.Equal(TimeSpan.FromMinutes(30), config.Sinker.TerminatedPodTtl);
        Assert.Equal(TimeSpan.FromHours(1), config.Sinker.ResyncPeriod);
        Assert.Equal(TimeSpan.FromHours(24), config.Sinker.MaxPodAge);
        Assert.Equal(TimeSpan.FromMinutes(1), config.Tide.SyncPeriod);
        Assert.Equal(TimeSpan.FromMinutes(1), config.Tide.StatusUpdatePeriod);
        Assert.Equal(20, config.Tide.MaxGoroutines);
        Assert.Equal(TimeSpan.FromSeconds(10), config.Deck.TideUpdatePeriod);
        Assert.Equal(100_000_000, config.Deck.Spyglass.SizeLimit);
        Assert.Equal("default", config.ProwJobNamespace);
        Assert.Equal("default", config.PodNamespace);
        Assert.Equal("info", config.LogLevel);
        Assert.Equal(TimeSpan.FromHours(24), config.DefaultJobTimeout);
        Assert.Equal(["presubmit", "postsubmit"], config.GitHubReporter.JobTypesToReport);
        Assert.Equal("https://github.com", config.GitHubOptions.LinkUrl);
        Assert.Equal(["default"], config.InRepoConfig.AllowedClusters!["*"]);
        Assert.Empty(config.Presubmits);
        Assert.Empty(config.Repos);
    }

    [Fact]
    public void ExplicitValues_AreKept()
    {
        using var temp = new TempConfig("""
            sinker: {max_prowjob_age: 168h, terminated_pod_ttl: 1h, resync_period: 5m}
            tide: {sync_period: 2m}
            prowjob_namespace: prow
            pod_namespace: test-pods
            """);

        var (config, _) = temp.Load(jobs: "");

        Assert.Equal(TimeSpan.FromHours(168), config!.Sinker.MaxProwJobAge);
        Assert.Equal(TimeSpan.FromHours(1), config.Sinker.TerminatedPodTtl);
        Assert.Equal(TimeSpan.FromMinutes(5), config.Sinker.ResyncPeriod);
        Assert.Equal(TimeSpan.FromMinutes(2), config.Tide.StatusUpdatePeriod);
        Assert.Equal("prow", config.ProwJobNamespace);
        Assert.Equal("test-pods", config.PodNamespace);
    }

    [Fact]
    public void Presubmit_GetsAgentClusterNamespaceContextTriggerAndRerunCommand()
    {
        using var temp = new TempConfig("pod_namespace: test-pods\n", ("jobs.yaml", "presubmits:\n  org/repo:\n  - name: pull-unit\n    spec: {containers: [{image: x}]}\n"));

        var (config, diagnostics) = temp.Load();

        Assert.Empty(diagnostics);
        var job = Assert.Single(config!.PresubmitsFor("org/repo"));
        Assert.Equal("kubernetes", job.Agent);
        Assert.Equal("default", job.Cluster);
        Assert.Equal("test-pods", job.Namespace);
        Assert.Equal("pull-unit", job.Context);
        Assert.Equal(@"(?m)^/test( | .* )pull-unit,?($|\s.*)", job.Trigger);
        Assert.Equal("/test pull-unit", job.RerunCommand);
        Assert.False(job.AlwaysRun);
        Assert.False(job.Decorate);
        Assert.Null(job.DecorationConfig);
        Assert.Equal("GlobalDefaultID", job.ProwJobDefault!.TenantId);
        Assert.Equal("jobs.yaml", Path.GetFileName(job.SourcePath));
    }

    [Theory]
    [InlineData("/test pull-unit", true)]
    [InlineData("/test all pull-unit", true)]
    [InlineData("/test pull-unit, pull-e2e", true)]
    [InlineData("please\n/test pull-unit\nthanks", true)]
    [InlineData("/test pull-unit-extra", false)]
    [InlineData("/test all", false)]
    [InlineData("/retest pull-unit", false)]
    public void DefaultTrigger_MatchesLikeProw(string comment, bool matches)
    {
        Assert.Equal(matches, Regex.IsMatch(comment, JobDefaults.DefaultTriggerFor("pull-unit")));
    }

    [Fact]
    public void DecoratedJob_MergesPlankDefaultEntriesInOrderUnderItsOwnConfig()
    {
        using var temp = new TempConfig("""
            plank:
              default_decoration_config_entries:
              - config:
                  utility_images: {clonerefs: c, initupload: i, entrypoint: e, sidecar: s}
                  gcs_configuration: {bucket: b, path_strategy: explicit}
                  timeout: 2h
                  grace_period: 15m
              - cluster: gpu
                config: {timeout: 3h}
              - repo: other/repo
                config: {timeout: 9h}
            """, ("jobs.yaml", """
            presubmits:
              org/repo:
              - name: plain
                decorate: true
                spec: {containers: [{image: x, command: [run]}]}
              - name: on-gpu
                decorate: true
                cluster: gpu
                decoration_config: {grace_period: 1m}
                spec: {containers: [{image: x, command: [run]}]}
            """));

        var (config, diagnostics) = temp.Load();

        Assert.Empty(diagnostics);
        var jobs = config!.PresubmitsFor("org/repo");
        Assert.Equal(TimeSpan.FromHours(2), jobs[0].DecorationConfig!.Timeout);
        Assert.Equal(TimeSpan.FromMinutes(15), jobs[0].DecorationConfig!.GracePeriod);
        Assert.Equal("c", jobs[0].DecorationConfig!.UtilityImages!.CloneRefs);
        Assert.Equal(TimeSpan.FromHours(3), jobs[1].DecorationConfig!.Timeout);
        Assert.Equal(TimeSpan.FromMinutes(1), jobs[1].DecorationConfig!.GracePeriod);
    }

    [Fact]
    public void DecorateAllJobs_DecoratesJobsThatDoNotSay()
    {
        using var temp = new TempConfig("decorate_all_jobs: true\n" + TempConfig.DecoratedPlank, ("jobs.yaml", """
            periodics:
            - {name: a, interval: 1h, spec: {containers: [{image: x, command: [run]}]}}
            - {name: b, interval: 1h, decorate: false, spec: {containers: [{image: x}]}}
            """));

        var (config, diagnostics) = temp.Load();

        Assert.Empty(diagnostics);
        Assert.True(config!.Periodics[0].IsDecorated);
        Assert.NotNull(config.Periodics[0].DecorationConfig);
        Assert.False(config.Periodics[1].IsDecorated);
        Assert.Null(config.Periodics[1].DecorationConfig);
    }

    [Fact]
    public void Postsubmit_AlwaysRunStaysUnsetWhenNotGiven()
    {
        using var temp = new TempConfig("", ("jobs.yaml", "postsubmits:\n  org/repo:\n  - name: post\n    branches: [main]\n    spec: {containers: [{image: x}]}\n"));

        var (config, _) = temp.Load();

        var job = Assert.Single(config!.PostsubmitsFor("org/repo"));
        Assert.Null(job.AlwaysRun);
        Assert.Equal("post", job.Context);
        Assert.True(job.CouldRun("main"));
        Assert.False(job.CouldRun("dev"));
    }

    [Fact]
    public void A_job_url_template_that_does_not_parse_is_an_error_at_its_key()
    {
        using var temp = new TempConfig("plank:\n  job_url_template: 'https://x/{{if .Spec.Job}}/{{.Status.BuildID}}'\n");

        var (_, diagnostics) = temp.Load();

        var error = Assert.Single(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.EndsWith("plank.job_url_template: template: 1: missing {{end}}", error.ToString());
    }

    [Fact]
    public void A_report_template_that_does_not_parse_is_an_error_naming_its_key()
    {
        using var temp = new TempConfig("plank:\n  report_templates:\n    'org/repo': 'x {{.Spec.Job'\n");

        var (_, diagnostics) = temp.Load();

        var error = Assert.Single(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Contains("report_templates[\"org/repo\"]: template:", error.ToString());
    }

    [Fact]
    public void The_kubernetes_job_url_template_parses()
    {
        using var temp = new TempConfig("plank:\n  job_url_template: 'https://x/{{if eq .Spec.Type \"presubmit\"}}pr-logs{{else}}logs{{end}}/{{.Spec.Job}}/{{.Status.BuildID}}/'\n");
        var (config, diagnostics) = temp.Load();
        Assert.NotNull(config);
        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }
}
