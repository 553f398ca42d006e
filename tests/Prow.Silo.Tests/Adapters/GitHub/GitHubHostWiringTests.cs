using Microsoft.Extensions.DependencyInjection;
using Prow.Abstractions.Config;
using Prow.Grains.Ports;
using Prow.Silo.Adapters.GitHub;
using Prow.Silo.Hosting;
using Prow.TestSupport;
using Prow.TestSupport.FakeGitHub;

namespace Prow.Silo.Tests.Adapters.GitHub;

/// <summary>The host registers the GitHub client from its flags (built, not started).</summary>
public sealed class GitHubHostWiringTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private Microsoft.AspNetCore.Builder.WebApplication BuildHost(string? tokenPath, string endpoint, bool dryRun = false)
    {
        var options = new ProwHostOptions
        {
            Config = new ConfigPaths(_dir.Write("config.yaml", "prowjob_namespace: prow\n")),
            DataDir = _dir.Combine("data"),
            GitHubTokenPath = tokenPath,
            GitHubEndpoints = [endpoint],
            DryRun = dryRun,
        };
        var load = ConfigLoader.Load(options.Config, strict: false, DateTimeOffset.UtcNow);
        return ProwHost.Build(options, load.Snapshot!);
    }

    [Fact]
    public async Task Host_WithToken_ServesTheOctokitClient()
    {
        await using var fake = await FakeGitHubServer.StartAsync();
        fake.AddRepo("org", "repo");
        fake.AddIssue("org", "repo", 1, title: "wired");
        await using var app = BuildHost(_dir.Write("token", "t"), fake.Endpoint);
        var github = app.Services.GetRequiredService<IGitHub>();
        Assert.IsType<OctokitGitHub>(github);
        Assert.Equal("wired", (await github.GetIssueAsync("org", "repo", 1)).Title);
    }

    [Fact]
    public async Task Host_DryRun_WrapsTheClient()
    {
        await using var app = BuildHost(_dir.Write("token", "t"), "https://api.github.com", dryRun: true);
        Assert.IsType<DryRunGitHub>(app.Services.GetRequiredService<IGitHub>());
    }

    [Fact]
    public async Task Host_NoCredentials_ServesTheExplainingClient()
    {
        await using var app = BuildHost(null, "https://api.github.com");
        Assert.IsType<UnconfiguredGitHub>(app.Services.GetRequiredService<IGitHub>());
    }
}
