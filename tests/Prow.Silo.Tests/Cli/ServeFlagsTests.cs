using Microsoft.Extensions.DependencyInjection;
using Prow.Abstractions.Config;
using Prow.Abstractions.Jobs;
using Prow.Silo.Adapters.Local;
using Prow.Silo.Hosting;
using Prow.Silo.Cli;
using Prow.TestSupport;

namespace Prow.Silo.Tests.Cli;

public sealed class ServeFlagsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Parse_NoFlags_UsesExampleConfigAndProwDefaults()
    {
        var options = new ServeFlags().Parse([]);
        Assert.EndsWith(Path.Combine("examples", "config.yaml"), options.Config.ConfigPath);
        Assert.NotNull(options.Config.JobConfigPath);
        Assert.NotNull(options.Config.PluginConfigPath);
        Assert.Equal(8888, options.Port);
        Assert.Equal(".prow", options.DataDir);
        Assert.Equal(["https://api.github.com"], options.GitHubEndpoints);
        Assert.False(options.DryRun);
    }

    [Fact]
    public void Parse_ExplicitConfigPath_DropsExampleJobsAndPlugins()
    {
        var config = _dir.Write("config.yaml", "prowjob_namespace: prow\n");
        var options = new ServeFlags().Parse(["--config-path", config]);
        Assert.Equal(config, options.Config.ConfigPath);
        Assert.Null(options.Config.JobConfigPath);
        Assert.Null(options.Config.PluginConfigPath);
    }

    [Fact]
    public void Parse_ProwFlagNames_AreAccepted()
    {
        var hmac = _dir.Write("hmac", "secret");
        var token = _dir.Write("oauth", "token");
        var options = new ServeFlags().Parse([
            "--config-path", _dir.Write("c.yaml", ""), "--job-config-path", _dir.Path, "--plugin-config", _dir.Write("p.yaml", ""),
            "--hmac-secret-file", hmac, "--github-token-path", token, "--github-endpoint", "http://127.0.0.1:9999", "--dry-run",
            "--port", "0", "--data-dir", _dir.Combine("data"),
        ]);
        Assert.Equal(hmac, options.HmacSecretFile);
        Assert.Equal(token, options.GitHubTokenPath);
        Assert.Equal(["http://127.0.0.1:9999"], options.GitHubEndpoints);
        Assert.True(options.DryRun);
        Assert.Equal(0, options.Port);
    }

    [Fact]
    public void Parse_GitHubAppFlags_AreCarriedToTheClientOptions()
    {
        var key = _dir.Write("app.pem", "-----BEGIN RSA PRIVATE KEY-----");
        var options = new ServeFlags().Parse(["--github-app-id", "42", "--github-app-private-key-path", key, "--dry-run"]);
        Assert.Equal(("42", key), (options.GitHubAppId, options.GitHubAppPrivateKeyPath));
        Assert.Equal(("42", key, true, true), (options.GitHub.AppId, options.GitHub.AppPrivateKeyPath, options.GitHub.DryRun, options.GitHub.UsesApp));
    }

    [Fact]
    public void Parse_DeckUrl_IsCarried() =>
        Assert.Equal(new Uri("https://prow.example.org/"), new ServeFlags().Parse(["--deck-url", "https://prow.example.org/"]).DeckUrl);

    [Theory]
    [InlineData("https://ghe.example.com/")]
    [InlineData("file:///srv/git")]
    public void Parse_LocalGitBaseUrl_IsCarried(string url) =>
        Assert.Equal(url, new ServeFlags().Parse(["--local-git-base-url", url]).LocalGitBaseUrl);

    [Fact]
    public async Task Host_LocalGitBaseUrl_ReachesTheLocalAgent()
    {
        var parsed = new ServeFlags().Parse(["--local-git-base-url", "https://ghe.example.com", "--data-dir", _dir.Combine("data"),
            "--config-path", _dir.Write("config.yaml", "prowjob_namespace: prow\n")]);
        var load = ConfigLoader.Load(parsed.Config, strict: false, DateTimeOffset.UtcNow);
        await using var app = ProwHost.Build(parsed, load.Snapshot!);
        var agent = app.Services.GetRequiredService<LocalProcessCluster>();
        Assert.Equal("https://ghe.example.com", agent.Options.GitBaseUrl);
        Assert.Equal("https://ghe.example.com/o/r.git", LocalRunPlan.RepositoryUri(new Refs { Org = "o", Repo = "r" }, agent.Options));
    }

    [Fact]
    public void Parse_ReporterFlags_TakeHostsRepeatsAndJobTypes()
    {
        var star = _dir.Write("slack-hook", "https://hooks.slack.com/services/T/B/X");
        var corp = _dir.Write("corp-token", "xoxb-1");
        var secret = _dir.Write("webhook-secret", "s");
        var options = new ServeFlags().Parse([
            "--slack-webhook-url-file", star, "--slack-token-file", $"corp={corp}", "--slack-api-endpoint", "http://127.0.0.1:1/api",
            "--webhook-reporter-url", "http://a.example/prow", "--webhook-reporter-url=https://b.example/prow",
            "--webhook-reporter-hmac-secret-file", secret, "--webhook-reporter-job-types", "periodic,postsubmit", "--webhook-reporter-job-types", "batch",
        ]);
        Assert.Equal(new Dictionary<string, string> { ["*"] = star }, options.SlackWebhookUrlFiles);
        Assert.Equal(new Dictionary<string, string> { ["corp"] = corp }, options.SlackTokenFiles);
        Assert.Equal("http://127.0.0.1:1/api", options.Slack.ApiEndpoint);
        Assert.True(options.Slack.HasCredentials);
        Assert.Equal(["http://a.example/prow", "https://b.example/prow"], options.WebhookReporter.Urls);
        Assert.Equal(secret, options.WebhookReporter.HmacSecretFile);
        Assert.Equal([Abstractions.Jobs.ProwJobType.Periodic, Abstractions.Jobs.ProwJobType.Postsubmit, Abstractions.Jobs.ProwJobType.Batch], options.WebhookReporter.JobTypes);
    }

    [Fact]
    public void Parse_NoReporterFlags_LeavesSlackAndWebhooksOff()
    {
        var options = new ServeFlags().Parse([]);
        Assert.False(options.Slack.HasCredentials);
        Assert.Empty(options.WebhookReporterUrls);
        Assert.Empty(options.WebhookReporterJobTypes);
        Assert.Equal("https://slack.com/api", options.SlackApiEndpoint);
    }

    [Fact]
    public void Parse_OneSlackHostWithBothCredentials_IsAnError()
    {
        var a = _dir.Write("a", "x");
        var ex = Assert.Throws<UsageException>(() => new ServeFlags().Parse(["--slack-webhook-url-file", $"corp={a}", "--slack-token-file", $"corp={a}"]));
        Assert.Equal("Slack host \"corp\" has both --slack-webhook-url-file and --slack-token-file; give one", ex.Message);
        ex = Assert.Throws<UsageException>(() => new ServeFlags().Parse(["--slack-token-file", a, "--slack-token-file", a]));
        Assert.Equal("--slack-token-file: Slack host \"*\" given twice", ex.Message);
    }

    public static TheoryData<string[], string> BadFlags => new()
    {
        { ["--slack-token-file", "/nonexistent/token"], "--slack-token-file /nonexistent/token: file not found" },
        { ["--slack-webhook-url-file", "corp="], "--slack-webhook-url-file \"corp=\": no path" },
        { ["--webhook-reporter-url", "nowhere"], "--webhook-reporter-url \"nowhere\": not an http(s) URL" },
        { ["--webhook-reporter-job-types", "nightly"], "--webhook-reporter-job-types \"nightly\": expected presubmit, postsubmit, periodic or batch" },
        { ["--webhook-reporter-hmac-secret-file", "/nonexistent/s"], "--webhook-reporter-hmac-secret-file /nonexistent/s: file not found" },
        { ["--port", "70000"], "--port 70000: must be between 0 and 65535" },
        { ["--silo-port", "0"], "--silo-port 0: must be between 1 and 65535" },
        { ["--hmac-secret-file", "/nonexistent/hmac"], "--hmac-secret-file /nonexistent/hmac: file not found" },
        { ["--github-endpoint", "ftp://x"], "--github-endpoint \"ftp://x\": not an http(s) URL" },
        { ["--deck-url", "prow.example.org"], "--deck-url \"prow.example.org\": not an http(s) URL" },
        { ["--local-git-base-url", "ghe.example.com"], "--local-git-base-url \"ghe.example.com\": not an absolute http(s), ssh, git or file URL" },
        { ["--listen-address", "nowhere"], "--listen-address \"nowhere\": not an IP address" },
        { ["serve"], "unexpected argument \"serve\"" },
        { ["--bogus"], "unknown flag -bogus" },
        { ["--github-app-id", "42"], "--github-app-id and --github-app-private-key-path must be given together" },
        { ["--github-app-private-key-path", "/nonexistent/key.pem"], "--github-app-private-key-path /nonexistent/key.pem: file not found" },
    };

    [Theory]
    [MemberData(nameof(BadFlags))]
    public void Parse_BadFlag_ThrowsPreciseUsageError(string[] args, string message)
    {
        var ex = Assert.Throws<UsageException>(() => new ServeFlags().Parse(args));
        Assert.Equal(message, ex.Message);
    }
}
