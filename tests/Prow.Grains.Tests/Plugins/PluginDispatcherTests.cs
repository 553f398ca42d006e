using System.Text.Json;
using Microsoft.Extensions.Logging;
using Prow.TestSupport;

namespace Prow.Grains.Tests.Plugins;

public class PluginDispatcherTests
{
    private const string Org = "Codertocat";

    private static string PushTo(string repo) => WebhookPayloads.Edit("push", p =>
    {
        p["repository"]!["name"] = repo;
        p["repository"]!["full_name"] = $"{Org}/{repo}";
    });

    [Fact]
    public async Task OrgPlugins_RunForEveryRepo_ExceptExcludedOnes_WhichGetTheirOwn()
    {
        var lgtm = new ProbePlugin("lgtm", ["push"]);
        var size = new ProbePlugin("size", ["push"]);
        var harness = new DispatcherHarness("""
            plugins:
              Codertocat:
                excluded_repos: [Hello-World]
                plugins: [lgtm]
              Codertocat/Hello-World:
                plugins: [size]
            """, lgtm, size);

        await harness.DispatchAsync("push", PushTo("Hello-World"));
        await harness.DispatchAsync("push", PushTo("Other"));

        Assert.Equal(["push/none Codertocat/Other"], lgtm.Calls);
        Assert.Equal(["push/none Codertocat/Hello-World"], size.Calls);
    }

    [Fact]
    public async Task RepoPlugins_AddToOrgPlugins_AndOtherOrgsGetNothing()
    {
        var lgtm = new ProbePlugin("lgtm", ["push"]);
        var size = new ProbePlugin("size", ["push"]);
        var harness = new DispatcherHarness("""
            plugins:
              Codertocat: [lgtm]
              Codertocat/Hello-World: [size]
              other-org: [size]
            """, lgtm, size);

        await harness.DispatchAsync("push", PushTo("Hello-World"));
        await harness.DispatchAsync("push", WebhookPayloads.Edit("push", p =>
        {
            p["repository"]!["owner"]!["login"] = "stranger";
            p["repository"]!["full_name"] = "stranger/Hello-World";
        }));

        Assert.Equal(["push/none Codertocat/Hello-World"], lgtm.Calls);
        Assert.Equal(["push/none Codertocat/Hello-World"], size.Calls);
    }

    [Fact]
    public async Task ConfigReload_AppliesToTheNextEvent()
    {
        var lgtm = new ProbePlugin("lgtm", ["push"]);
        var harness = new DispatcherHarness("plugins:\n  Codertocat: [size]\n", lgtm);

        await harness.DispatchAsync("push", PushTo("Hello-World"));
        harness.Config.Load("plugins:\n  Codertocat: [lgtm]\n");
        await harness.DispatchAsync("push", PushTo("Hello-World"));

        Assert.Single(lgtm.Calls);
    }

    [Fact]
    public async Task ThrowingPlugin_IsLoggedAndCounted_AndTheOthersStillRun()
    {
        var lgtm = new ProbePlugin("lgtm", ["issue_comment"], throws: true);
        var size = new ProbePlugin("size", ["issue_comment"]);
        var harness = new DispatcherHarness("plugins:\n  Codertocat: [lgtm, size]\n", lgtm, size);

        await harness.DispatchAsync("issue_comment", CommentPayloads.OnIssue("hi"), "delivery-42");

        Assert.Single(size.Calls);
        var error = Assert.Single(harness.Logs.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains("lgtm", error.Message, StringComparison.Ordinal);
        Assert.Contains("issue_comment", error.Message, StringComparison.Ordinal);
        Assert.Contains("delivery-42", error.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(error.Exception);
        Assert.Equal(1, harness.Errors("issue_comment", "created", "lgtm", tookAction: true));
        Assert.Equal(0, harness.Errors("issue_comment", "created", "size", tookAction: false));
        Assert.Equal(1, harness.Observations("issue_comment", "created", "size", tookAction: false));
    }

    [Fact]
    public async Task Metrics_UseProwsLabels()
    {
        var harness = new DispatcherHarness("plugins:\n  Codertocat: [hold]\n");

        await harness.DispatchAsync("issue_comment", CommentPayloads.OnPullRequest("/hold"));
        await harness.DispatchAsync("issue_comment", CommentPayloads.OnPullRequest("no command"));
        await harness.DispatchAsync("push", PushTo("Hello-World"));

        Assert.Equal(1, harness.Observations("issue_comment", "created", "hold", tookAction: true));
        Assert.Equal(1, harness.Observations("issue_comment", "created", "hold", tookAction: false));
        Assert.Equal("prow_plugin_handle_duration_seconds", harness.Metrics.HandleDuration.Name);
        Assert.Equal("prow_plugin_handle_errors", harness.Metrics.HandleErrors.Name);
        Assert.Equal(["event_type", "action", "plugin", "took_action"], harness.Metrics.HandleDuration.LabelNames);
        Assert.Equal(["event_type", "action", "plugin", "took_action"], harness.Metrics.HandleErrors.LabelNames);
    }

    [Fact]
    public async Task EventHandlers_RunBeforeGenericCommentHandlers_WithTheirOwnActionLabels()
    {
        var lgtm = new ProbePlugin("lgtm", ["pull_request", "GenericCommentEvent"]);
        var harness = new DispatcherHarness("plugins:\n  Codertocat: [lgtm]\n", lgtm);

        await harness.DispatchAsync("pull_request", WebhookPayloads.Load("pull_request.opened"));
        await harness.DispatchAsync("pull_request", WebhookPayloads.Load("pull_request.closed"));

        Assert.Equal(
            ["pull_request/opened Codertocat/Hello-World comment", "pull_request/opened Codertocat/Hello-World comment", "pull_request/closed Codertocat/Hello-World"],
            lgtm.Calls);
        Assert.Equal(1, harness.Observations("pull_request", "opened", "lgtm", tookAction: false));
        Assert.Equal(1, harness.Observations("pull_request", "created", "lgtm", tookAction: false));
        Assert.Equal(1, harness.Observations("pull_request", "closed", "lgtm", tookAction: false));
    }

    /// <summary>What makes the inbox save an event's completion at once (see ProcessingEffects).</summary>
    [Fact]
    public async Task Effects_AreRecordedForGitHubUseForwardingAndFailures_NotForPluginsThatDidNothing()
    {
        var quiet = new ProbePlugin("lgtm", ["push"]);
        var effects = Prow.Grains.Webhooks.ProcessingEffects.Begin();
        await new DispatcherHarness("plugins:\n  Codertocat: [lgtm]\n", quiet).DispatchAsync("push", PushTo("Hello-World"));
        Assert.Single(quiet.Calls);
        Assert.False(effects.Marked);

        effects = Prow.Grains.Webhooks.ProcessingEffects.Begin();
        await new DispatcherHarness("plugins:\n  Codertocat: [hold]\n").DispatchAsync("issue_comment", CommentPayloads.OnPullRequest("/hold"));
        Assert.True(effects.Marked);

        effects = Prow.Grains.Webhooks.ProcessingEffects.Begin();
        await new DispatcherHarness("plugins:\n  Codertocat: [size]\n", new ProbePlugin("size", ["push"], throws: true)).DispatchAsync("push", PushTo("Hello-World"));
        Assert.True(effects.Marked);

        effects = Prow.Grains.Webhooks.ProcessingEffects.Begin();
        await new DispatcherHarness("external_plugins:\n  Codertocat:\n  - name: everything\n").DispatchAsync("push", PushTo("Hello-World"));
        Assert.True(effects.Marked);
    }

    [Fact]
    public async Task ExternalPlugins_GetTheOriginalWebhook_WhenTheirEventsMatch()
    {
        var harness = new DispatcherHarness("""
            plugins:
              Codertocat: [hold]
            external_plugins:
              Codertocat:
              - name: comments-only
                endpoint: http://comments:8080
                events: [issue_comment]
              - name: everything
              Codertocat/Hello-World:
              - name: pushes
                endpoint: http://pushes
                events: [push]
              Codertocat/Other:
              - name: elsewhere
            """);
        var comment = DispatcherHarness.Webhook("issue_comment", CommentPayloads.OnIssue("hi"), "d-1");
        var push = DispatcherHarness.Webhook("push", PushTo("Hello-World"), "d-2");
        var release = DispatcherHarness.Webhook("release", PushTo("Hello-World"), "d-3");

        await harness.Dispatcher.DispatchAsync(comment);
        await harness.Dispatcher.DispatchAsync(push);
        await harness.Dispatcher.DispatchAsync(release);

        Assert.Equal(
            ["d-1 comments-only http://comments:8080", "d-1 everything http://everything", "d-2 everything http://everything", "d-2 pushes http://pushes", "d-3 everything http://everything"],
            harness.External.Deliveries.Select(d => $"{d.Webhook.DeliveryId} {d.PluginName} {d.Endpoint}"));
        Assert.Same(comment, harness.External.Deliveries[0].Webhook);
    }

    [Fact]
    public async Task UnparsablePayload_Throws()
    {
        var harness = new DispatcherHarness("plugins:\n  Codertocat: [hold]\n");

        await Assert.ThrowsAnyAsync<JsonException>(() => harness.DispatchAsync("issue_comment", "not json"));
    }

    [Fact]
    public async Task PluginEnabledButNotBuiltIn_IsSkipped()
    {
        var harness = new DispatcherHarness("plugins:\n  Codertocat: [trigger, hold]\n");

        await harness.DispatchAsync("issue_comment", CommentPayloads.OnPullRequest("/hold"));

        Assert.Equal(["AddLabels Codertocat/Hello-World#1 do-not-merge/hold"], harness.GitHub.Writes);
    }
}
