using System.Security.Cryptography;
using Prow.Grains.Ports;
using Prow.TestSupport;

namespace Prow.Silo.Tests.Adapters.GitHub;

/// <summary>Where requests go and with which credentials: exact base URI, token file, GitHub App installation tokens.</summary>
public sealed class GitHubAuthTests
{
    [Fact]
    public async Task Endpoint_NonGitHubHost_RequestsHitExactlyEndpointSlashRepos()
    {
        await using var h = await GitHubClientHarness.StartAsync();
        h.Fake.AddIssue("org", "repo", 1);
        await h.Client().GetIssueAsync("org", "repo", 1);
        Assert.Equal("/repos/org/repo/issues/1", h.Fake.Requests.Single().Path); // no /api/v3 inserted by Octokit
    }

    [Fact]
    public async Task Endpoint_WithPathPrefix_KeepsThePrefixVerbatim()
    {
        await using var h = await GitHubClientHarness.StartAsync();
        var github = h.Client(o => new() { Endpoints = [h.Fake.Endpoint + "/ghproxy"], TokenPath = o.TokenPath, MetricsRegistry = o.MetricsRegistry });
        await Assert.ThrowsAsync<GitHubException>(() => github.GetIssueAsync("org", "repo", 1));
        Assert.Equal("/ghproxy/repos/org/repo/issues/1", h.Fake.Requests.Single().Path);
    }

    [Fact]
    public async Task Endpoints_FirstUnreachable_FallsBackToTheNext()
    {
        await using var h = await GitHubClientHarness.StartAsync();
        h.Fake.AddIssue("org", "repo", 1);
        var dead = $"http://127.0.0.1:{FreePorts.Next()}";
        var github = h.Client(o => new() { Endpoints = [dead, h.Fake.Endpoint], TokenPath = o.TokenPath, MetricsRegistry = o.MetricsRegistry, MaxRetries = 0 });
        Assert.Equal(1, (await github.GetIssueAsync("org", "repo", 1)).Number);
    }

    [Fact]
    public async Task TokenFile_Changed_NextRequestUsesNewTrimmedToken()
    {
        await using var h = await GitHubClientHarness.StartAsync();
        h.Fake.AddIssue("org", "repo", 1);
        var github = h.Client();
        await github.GetIssueAsync("org", "repo", 1);
        await File.WriteAllTextAsync(h.TokenPath, "  rotated-token \n");
        File.SetLastWriteTimeUtc(h.TokenPath, DateTime.UtcNow.AddMinutes(1));
        await github.GetIssueAsync("org", "repo", 1);
        Assert.Equal(["Token test-token", "Token rotated-token"], h.Fake.Requests.Select(r => r.Authorization));
        Assert.All(h.Fake.Requests, r => Assert.StartsWith("prow-on-orleans/", r.Header("User-Agent")));
    }

    [Fact]
    public async Task App_SeveralRequests_OneInstallationTokenPerOrg()
    {
        await using var h = await GitHubClientHarness.StartAsync(fakeTime: true);
        var github = AppClient(h);
        h.Fake.AddIssue("org", "repo", 1);
        h.Fake.AddRepo("alice", "dotfiles");
        h.Fake.AddIssue("alice", "dotfiles", 2);
        h.Fake.AddInstallation("org", 11);
        h.Fake.AddInstallation("alice", 22, isUser: true);

        for (var i = 0; i < 3; i++) await github.GetIssueAsync("org", "repo", 1);
        await github.GetIssueAsync("alice", "dotfiles", 2);

        Assert.Equal(2, h.Fake.InstallationTokens.MintedCount);
        Assert.Equal(["/app/installations/11/access_tokens", "/app/installations/22/access_tokens"], h.Fake.RequestsTo("POST", "/app/*").Select(r => r.Path));
        Assert.Single(h.Fake.RequestsTo("GET", "/orgs/org/installation"));
        Assert.Single(h.Fake.RequestsTo("GET", "/users/alice/installation")); // user account: the org lookup 404s first
        Assert.All(h.Fake.Requests.Where(r => r.Path.StartsWith("/app/", StringComparison.Ordinal) || r.Path.EndsWith("/installation", StringComparison.Ordinal)), r => Assert.StartsWith("Bearer ey", r.Authorization));
        Assert.All(h.Fake.RequestsTo("GET", "/repos/org/repo/issues/1"), r => Assert.Equal("Token ghs_fake0001", r.Authorization));
        Assert.Equal("Token ghs_fake0002", h.Fake.RequestsTo("GET", "/repos/alice/dotfiles/issues/2").Single().Authorization);
    }

    [Fact]
    public async Task App_TokenNearExpiry_IsRefreshed()
    {
        await using var h = await GitHubClientHarness.StartAsync(fakeTime: true);
        var github = AppClient(h);
        h.Fake.AddIssue("org", "repo", 1);
        h.Fake.AddInstallation("org", 11);
        await github.GetIssueAsync("org", "repo", 1);
        h.FakeTime.Advance(TimeSpan.FromMinutes(50));
        await github.GetIssueAsync("org", "repo", 1);
        Assert.Equal(1, h.Fake.InstallationTokens.MintedCount);
        h.FakeTime.Advance(TimeSpan.FromMinutes(6)); // within 5 minutes of the 1 h expiry
        await github.GetIssueAsync("org", "repo", 1);
        Assert.Equal(2, h.Fake.InstallationTokens.MintedCount);
        Assert.Equal("Token ghs_fake0002", h.Fake.Requests[^1].Authorization);
    }

    [Fact]
    public async Task App_TokenRevoked_401ThenNextRequestMintsANewOne()
    {
        await using var h = await GitHubClientHarness.StartAsync(fakeTime: true);
        var github = AppClient(h);
        h.Fake.AddIssue("org", "repo", 1);
        h.Fake.AddInstallation("org", 11);
        await github.GetIssueAsync("org", "repo", 1);
        h.Fake.InstallationTokens.RevokeAll();
        var ex = await Assert.ThrowsAsync<GitHubException>(() => github.GetIssueAsync("org", "repo", 1));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, ex.StatusCode);
        await github.GetIssueAsync("org", "repo", 1);
        Assert.Equal(2, h.Fake.InstallationTokens.MintedCount);
    }

    [Fact]
    public async Task App_BotUser_IsSlugBot()
    {
        await using var h = await GitHubClientHarness.StartAsync(fakeTime: true);
        var bot = await AppClient(h).GetBotUserAsync();
        Assert.Equal(("prow-app[bot]", "Bot"), (bot.Login, bot.Type));
    }

    [Fact]
    public async Task App_Search_UsesTheInstallationOfTheQueriedOrg()
    {
        await using var h = await GitHubClientHarness.StartAsync(fakeTime: true);
        var github = AppClient(h);
        h.Fake.AddPullRequest("org", "repo", 1);
        h.Fake.AddInstallation("org", 11);
        Assert.Equal([1], (await github.SearchIssuesAsync("is:pr repo:org/repo")).Select(i => i.Number));
        Assert.Equal("Token ghs_fake0001", h.Fake.RequestsTo("GET", "/search/issues").Single().Authorization);
        await Assert.ThrowsAsync<GitHubException>(() => github.SearchIssuesAsync("is:pr label:lgtm"));
    }

    [Fact]
    public async Task App_NotInstalled_ThrowsClearError()
    {
        await using var h = await GitHubClientHarness.StartAsync(fakeTime: true);
        var ex = await Assert.ThrowsAsync<Prow.Silo.Adapters.GitHub.GitHubCredentialsException>(() => AppClient(h).GetIssueAsync("org", "repo", 1));
        Assert.Contains("not installed on org", ex.Message);
    }

    private static IGitHub AppClient(GitHubClientHarness h)
    {
        var key = RSA.Create(2048);
        h.Fake.AppPublicKey = key;
        h.Fake.App = (42, "prow-app");
        var keyPath = h.Dir.Write("app.pem", key.ExportRSAPrivateKeyPem());
        return h.Client(o => new() { Endpoints = o.Endpoints, AppId = "42", AppPrivateKeyPath = keyPath, MetricsRegistry = o.MetricsRegistry });
    }
}
