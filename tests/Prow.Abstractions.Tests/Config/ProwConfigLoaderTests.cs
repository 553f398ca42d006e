using Prow.Abstractions.Config;
using Prow.Abstractions.Config.Yaml;

namespace Prow.Abstractions.Tests.Config;

public sealed class ProwConfigLoaderTests
{
    private const string Job = "spec: {containers: [{image: x}]}";

    [Fact]
    public void MissingConfig_ReturnsNullWithAnError()
    {
        var diagnostics = new List<ConfigDiagnostic>();

        var config = ProwConfigLoader.Load(Path.Combine(Path.GetTempPath(), "no-such-dir", "config.yaml"), null, diagnostics);

        Assert.Null(config);
        Assert.Equal(DiagnosticSeverity.Error, Assert.Single(diagnostics).Severity);
    }

    [Theory]
    [InlineData("broken syntax", "plank: [\n", 2)]
    [InlineData("duplicate key", "log_level: info\nlog_level: debug\n", 2)]
    [InlineData("not a mapping", "- a\n- b\n", 1)]
    public void UnparsableConfig_ReturnsNull(string scenario, string yaml, int line)
    {
        using var temp = new TempConfig(yaml);

        var (config, diagnostics) = temp.Load(jobs: "");

        Assert.True(config is null, scenario);
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Equal("config.yaml", error.File);
        Assert.Equal(line, error.Line);
    }

    [Fact]
    public void UnknownKeys_AreWarningsWithLineAndPath_AndErrorsWhenStrict()
    {
        using var temp = new TempConfig("plank:\n  pod_pending_timeout: 1m\n  bogus: 1\n", ("jobs.yaml", $"presubmits:\n  org/repo:\n  - name: job\n    alwaysrun: true\n    {Job}\n"));

        var (lenient, lenientDiagnostics) = temp.Load();
        var (strict, strictDiagnostics) = temp.Load(strict: true);

        Assert.NotNull(lenient);
        Assert.NotNull(strict);
        Assert.Equal(
            ["config.yaml:3: plank.bogus: unknown field", "jobs/jobs.yaml:4: presubmits.org/repo[0].alwaysrun: unknown field"],
            lenientDiagnostics.Select(d => d.ToString()).Order(StringComparer.Ordinal));
        Assert.All(lenientDiagnostics, d => Assert.True(d.IsUnknownKey && d.Severity == DiagnosticSeverity.Warning));
        Assert.All(strictDiagnostics, d => Assert.True(d.IsUnknownKey && d.Severity == DiagnosticSeverity.Error));
        Assert.Equal(2, strictDiagnostics.Count);
    }

    [Fact]
    public void JobTree_IsWalkedRecursively_YamlAndYmlOnly_ProwIgnoreAndDotDotSkipped()
    {
        using var temp = new TempConfig($"presubmits:\n  org/inline:\n  - name: inline\n    {Job}\n",
            ("a/one.yaml", $"presubmits:\n  org/repo:\n  - name: one\n    {Job}\n"),
            ("a/b/two.yml", $"presubmits:\n  org/repo:\n  - name: two\n    {Job}\n"),
            ("a/notes.txt", "presubmits: [broken"),
            ("a/.prowignore", "# generated files\nignored-*.yaml\n"),
            ("a/b/ignored-three.yaml", "not: jobs"),
            ("..data/four.yaml", $"presubmits:\n  org/repo:\n  - name: four\n    {Job}\n"),
            ("c/postsubmits.yaml", $"postsubmits:\n  org/other:\n  - name: post\n    {Job}\n"));

        var (config, diagnostics) = temp.Load(strict: true);

        Assert.Empty(diagnostics);
        // Prow's filepath.Walk order: entries by name, directories entered where they sort ("b" < "one.yaml").
        Assert.Equal(["two", "one"], config!.PresubmitsFor("org/repo").Select(j => j.Name));
        Assert.Equal(["inline"], config.PresubmitsFor("org/inline").Select(j => j.Name));
        Assert.Equal(["org/inline", "org/other", "org/repo"], config.Repos);
        Assert.Equal(3, config.AllPresubmits().Count());
        Assert.Single(config.AllPostsubmits());
    }

    [Fact]
    public void SingleJobFile_IsAccepted()
    {
        using var temp = new TempConfig("", ("only.yaml", "periodics:\n- {name: p, interval: 1h, spec: {containers: [{image: x}]}}\n"));

        var (config, diagnostics) = temp.Load(jobs: "jobs/only.yaml");

        Assert.Empty(diagnostics);
        Assert.Single(config!.Periodics);
    }

    [Fact]
    public void DuplicateBasenames_AreAnError()
    {
        using var temp = new TempConfig("", ("a/jobs.yaml", "periodics: []\n"), ("b/jobs.yaml", "periodics: []\n"));

        var (_, diagnostics) = temp.Load();

        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Contains("duplicated basename is not allowed: jobs.yaml", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void LaterYamlDocuments_AreIgnoredWithAWarning_AsProwReadsOnlyTheFirst()
    {
        using var temp = new TempConfig("", ("jobs.yaml", $"periodics:\n- {{name: first, interval: 1h, {Job}}}\n---\nperiodics:\n- {{name: second, interval: 1h, {Job}}}\n"));

        var (config, diagnostics) = temp.Load(strict: true);

        Assert.Equal(["first"], config!.Periodics.Select(p => p.Name));
        var warning = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(4, warning.Line);
        Assert.Contains("document 2 is ignored", warning.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void RelativePaths_StayRelativeInDiagnostics()
    {
        using var temp = new TempConfig("", ("bad.yaml", "periodics:\n- {name: p, spec: {containers: [{image: x}]}}\n"));
        var root = Path.GetRelativePath(Environment.CurrentDirectory, temp.Root);
        var diagnostics = new List<ConfigDiagnostic>();

        ProwConfigLoader.Load(Path.Combine(root, "config.yaml"), Path.Combine(root, "jobs"), diagnostics);

        var error = Assert.Single(diagnostics);
        Assert.Equal(Path.Combine(root, "jobs", "bad.yaml"), error.File);
        Assert.False(Path.IsPathRooted(error.File));
        Assert.StartsWith(Path.Combine(root, "jobs", "bad.yaml") + ":2: periodics[0]: at least one of cron", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyAndCommentOnlyJobFiles_AreFine()
    {
        using var temp = new TempConfig("", ("empty.yaml", ""), ("comments.yaml", "# nothing here yet\n"));

        var (config, diagnostics) = temp.Load(strict: true);

        Assert.Empty(diagnostics);
        Assert.Empty(config!.Periodics);
    }

    [Fact]
    public void ProwIgnoredKey_IsNeverReported()
    {
        using var temp = new TempConfig("", ("gen.yaml", "prow_ignored:\n  anything: [goes, {here: 1}]\n"));

        var (_, diagnostics) = temp.Load(strict: true);

        Assert.Empty(diagnostics);
    }

    [Theory]
    [InlineData("report_template with report_templates", "plank: {report_template: a, report_templates: {'*': b}}", "plank.report_template")]
    [InlineData("both default decoration forms", "plank:\n  default_decoration_configs: {'*': {timeout: 1h}}\n  default_decoration_config_entries: [{config: {timeout: 1h}}]", "plank.default_decoration_configs")]
    [InlineData("tide max_goroutines negative", "tide: {max_goroutines: -1}", "tide.max_goroutines")]
    [InlineData("tide merge method", "tide: {merge_method: {org/repo: fast-forward}}", "tide.merge_method")]
    [InlineData("tide query without repos", "tide: {queries: [{labels: [lgtm]}]}", "tide.queries[0]")]
    [InlineData("pr_status_base_urls without '*'", "tide: {pr_status_base_urls: {org: u}}", "tide.pr_status_base_urls")]
    [InlineData("github reporter job type", "github_reporter: {job_types_to_report: [periodic]}", "github_reporter.job_types_to_report")]
    [InlineData("slack without channel", "slack_reporter_configs: {'*': {job_types_to_report: [periodic]}}", "slack_reporter_configs.*")]
    [InlineData("log level", "log_level: loud", "log_level")]
    [InlineData("branch protection include and exclude", "branch-protection: {include: [a], exclude: [b]}", "branch-protection")]
    [InlineData("spyglass lens regex", "deck: {spyglass: {lenses: [{lens: {name: x}, required_files: ['(']}]}}", "deck.spyglass.lenses[0].required_files")]
    [InlineData("rerun auth both forms", "deck: {rerun_auth_configs: {'*': {allow_anyone: true}}, default_rerun_auth_configs: [{repo: '*'}]}", "deck.rerun_auth_configs")]
    [InlineData("gerrit trigger regex", "gerrit: {allowed_presubmit_trigger_re: '('}", "gerrit.allowed_presubmit_trigger_re")]
    [InlineData("duration", "sinker: {max_prowjob_age: two days}", "sinker.max_prowjob_age")]
    public void InvalidComponentConfig_IsAnErrorAtItsKey(string scenario, string yaml, string key)
    {
        using var temp = new TempConfig(yaml);

        var (config, diagnostics) = temp.Load(jobs: "");

        Assert.NotNull(config);
        Assert.True(diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error && d.Key == key && d.File == "config.yaml"),
            $"{scenario}: no error at {key} in\n{string.Join("\n", diagnostics)}");
    }

    [Fact]
    public void CorpusStyleConfig_IsReadIntoTheSections()
    {
        using var temp = new TempConfig("""
            tide:
              merge_method: {kubernetes/dashboard: squash, org: {repo: rebase, other: {'^release-.*': merge}}}
              context_options:
                orgs:
                  kubernetes-sigs:
                    repos:
                      kueue: {optional-contexts: [Header rules]}
              queries:
              - repos: [org/repo]
                labels: [lgtm]
                missingLabels: [do-not-merge/hold]
            branch-protection:
              orgs:
                kubernetes:
                  repos:
                    test-infra:
                      branches:
                        gh-pages: {protect: false}
            slack_reporter_configs:
              '*': {channel: ci, job_types_to_report: [periodic], job_states_to_report: [failure]}
            managed_webhooks:
              org_repo_config:
                org/repo: {token_created_after: 2020-01-02T03:04:05Z}
            """);

        var (config, diagnostics) = temp.Load(jobs: "", strict: true);

        Assert.Empty(diagnostics);
        Assert.Equal("squash", config!.Tide.MergeMethod!["kubernetes/dashboard"].MergeType);
        Assert.Equal("rebase", config.Tide.MergeMethod["org"].Repos!["repo"].MergeType);
        Assert.Equal("merge", config.Tide.MergeMethod["org"].Repos!["other"].Branches!["^release-.*"]);
        Assert.Equal(["Header rules"], config.Tide.ContextOptions.Orgs!["kubernetes-sigs"].Repos!["kueue"].OptionalContexts);
        Assert.Equal(["do-not-merge/hold"], config.Tide.Queries![0].MissingLabels);
        Assert.False(config.BranchProtection.Orgs!["kubernetes"].Repos!["test-infra"].Branches!["gh-pages"].Protect);
        Assert.Equal("ci", config.SlackReporterConfigs!["*"].Channel);
        Assert.Equal(new DateTimeOffset(2020, 1, 2, 3, 4, 5, TimeSpan.Zero), config.ManagedWebhooks.OrgRepoConfig!["org/repo"].TokenCreatedAfter);
    }

    [Fact]
    public void GerritRepoKeys_AreKeptAndMatchDecorationDefaultsWithoutScheme()
    {
        using var temp = new TempConfig("""
            plank:
              default_decoration_config_entries:
              - config:
                  utility_images: {clonerefs: c, initupload: i, entrypoint: e, sidecar: s}
                  gcs_configuration: {bucket: b, path_strategy: explicit}
              - repo: gerrit.example.com/project
                config: {timeout: 7h}
            """, ("gerrit.yaml", """
            presubmits:
              https://gerrit.example.com/project:
              - name: verify
                decorate: true
                spec: {containers: [{image: x, command: [run]}]}
            """));

        var (config, diagnostics) = temp.Load(strict: true);

        Assert.Empty(diagnostics);
        Assert.Equal(["https://gerrit.example.com/project"], config!.Repos);
        Assert.Equal(TimeSpan.FromHours(7), config.PresubmitsFor("https://gerrit.example.com/project")[0].DecorationConfig!.Timeout);
    }

    [Fact]
    public void GzippedFiles_AreReadLikeProwDoes()
    {
        using var temp = new TempConfig("");
        var jobs = System.Text.Encoding.UTF8.GetBytes("periodics:\n- {name: p, interval: 1h, spec: {containers: [{image: x}]}}\n");
        using (var file = File.Create(Path.Combine(temp.Root, "jobs", "jobs.yaml")))
        using (var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Fastest))
            gzip.Write(jobs);

        var (config, diagnostics) = temp.Load(strict: true);

        Assert.Empty(diagnostics);
        Assert.Equal("p", Assert.Single(config!.Periodics).Name);
    }

    [Fact]
    public void DecorateAllJobsInAJobFile_IsIgnoredWithAWarning()
    {
        using var temp = new TempConfig("", ("jobs.yaml", "decorate_all_jobs: true\nperiodics:\n- {name: p, interval: 1h, spec: {containers: [{image: x}]}}\n"));

        var (config, diagnostics) = temp.Load();

        var warning = Assert.Single(diagnostics);
        Assert.Equal("jobs/jobs.yaml:1: decorate_all_jobs: ignored in a job config file: Prow reads decorate_all_jobs from config.yaml only", warning.ToString());
        Assert.False(config!.Periodics[0].IsDecorated);
    }
}
