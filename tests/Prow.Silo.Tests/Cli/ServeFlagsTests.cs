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

    public static TheoryData<string[], string> BadFlags => new()
    {
        { ["--port", "70000"], "--port 70000: must be between 0 and 65535" },
        { ["--silo-port", "0"], "--silo-port 0: must be between 1 and 65535" },
        { ["--hmac-secret-file", "/nonexistent/hmac"], "--hmac-secret-file /nonexistent/hmac: file not found" },
        { ["--github-endpoint", "ftp://x"], "--github-endpoint \"ftp://x\": not an http(s) URL" },
        { ["--deck-url", "prow.example.org"], "--deck-url \"prow.example.org\": not an http(s) URL" },
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
