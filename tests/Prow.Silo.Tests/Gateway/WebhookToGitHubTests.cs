using System.Net;
using System.Text.Json.Nodes;
using Prow.TestSupport;
using Prow.TestSupport.FakeGitHub;
using Prow.TestSupport.Webhooks;

namespace Prow.Silo.Tests.Gateway;

/// <summary>
/// The whole webhook path with nothing faked but GitHub (over HTTP): signed real payload → /hook →
/// PR grain inbox → plugin dispatcher → hold plugin → Octokit adapter → fake GitHub.
/// </summary>
public sealed class WebhookToGitHubTests : IAsyncLifetime
{
    private const string Org = "Codertocat";
    private const string Repo = "Hello-World";
    private readonly TempDirectory _dir = new();
    private FakeGitHubServer _github = null!;
    private HookHost _host = null!;

    public async Task InitializeAsync()
    {
        _github = await FakeGitHubServer.StartAsync();
        _github.AddRepo(Org, Repo);
        _host = await HookHost.StartAsync(_dir, github: _github);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _github.DisposeAsync();
        _dir.Dispose();
    }

    private static JsonObject CommentOnPullRequest(int number, string body)
    {
        var payload = WebhookExamples.Get("issue_comment", "created");
        payload["issue"]!["number"] = number;
        payload["issue"]!["pull_request"] = new JsonObject { ["url"] = $"https://api.github.com/repos/{Org}/{Repo}/pulls/{number}" };
        payload["comment"]!["body"] = body;
        return payload;
    }

    private async Task Send(JsonObject payload)
    {
        using var response = await _host.Http.SendAsync(SignedWebhook.Create("issue_comment", payload.ToJsonString(), HookHost.Secret));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task HoldComment_AddsTheHoldLabelOnGitHub()
    {
        _github.AddPullRequest(Org, Repo, 7, author: "Codertocat");

        await Send(CommentOnPullRequest(7, "Let's wait for the release.\n/hold"));

        await Eventually.Until(() => _github.RequestsTo("POST", $"/repos/{Org}/{Repo}/issues/7/labels").Count == 1,
            TimeSpan.FromSeconds(30), "the hold label to be added on GitHub");
        Assert.Contains("do-not-merge/hold", _github.Issue(Org, Repo, 7).Labels);
        var post = Assert.Single(_github.RequestsTo("POST", $"/repos/{Org}/{Repo}/issues/7/labels"));
        Assert.Equal("token e2e-token", post.Authorization, ignoreCase: true);
    }

    [Fact]
    public async Task HoldCancel_RemovesTheLabel_AndPlainCommentsChangeNothing()
    {
        _github.AddPullRequest(Org, Repo, 8, author: "Codertocat", labels: ["do-not-merge/hold"]);

        await Send(CommentOnPullRequest(8, "looks good, no commands here"));
        await Send(CommentOnPullRequest(8, "/hold cancel"));

        await Eventually.Until(() => !_github.Issue(Org, Repo, 8).Labels.Contains("do-not-merge/hold"),
            TimeSpan.FromSeconds(30), "the hold label to be removed on GitHub");
        // Events of one PR are processed in order: the plain comment wrote nothing.
        Assert.Single(_github.Writes, w => w.Path.Contains("/issues/8/", StringComparison.Ordinal));
    }
}
