using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Prow.Abstractions;
using Prow.Abstractions.PullRequests;
using Prow.TestSupport;
using Prow.TestSupport.Webhooks;

namespace Prow.Silo.Tests.Gateway;

/// <summary>POST /hook end to end in the all-in-one host (one host for the class).</summary>
public sealed class HookEndpointTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private HookHost _host = null!;

    public async Task InitializeAsync() => _host = await HookHost.StartAsync(_dir);

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _dir.Dispose();
    }

    private async Task<(HttpStatusCode Code, string Body)> Send(HttpRequestMessage request)
    {
        using var response = await _host.Http.SendAsync(request);
        return (response.StatusCode, (await response.Content.ReadAsStringAsync()).Trim());
    }

    private Task<(HttpStatusCode Code, string Body)> SendSigned(string eventType, JsonNode payload, string? delivery = null, string secret = HookHost.Secret) =>
        Send(SignedWebhook.Create(eventType, payload.ToJsonString(), secret, delivery));

    [Fact]
    public async Task PullRequestOpened_AcceptedThenProcessedByItsGrain()
    {
        var delivery = Guid.NewGuid().ToString();
        var payload = WebhookExamples.Get("pull_request", "opened");

        var (code, body) = await SendSigned("pull_request", payload, delivery);

        Assert.Equal((HttpStatusCode.OK, "event accepted"), (code, body));
        await Eventually.Until(() => _host.Dispatcher.Count(delivery) == 1, TimeSpan.FromSeconds(30), "the PR grain to process the event");
        var key = new PullRequestKey("Codertocat", "Hello-World", (int)payload["number"]!);
        var snapshot = await _host.Grains.GetPullRequestGrain(key).GetSnapshot();
        Assert.Equal((string)payload["pull_request"]!["head"]!["sha"]!, snapshot.HeadSha);
        Assert.Equal("Codertocat", snapshot.Author);
    }

    [Fact]
    public async Task SameDelivery_ProcessedOnce()
    {
        var delivery = Guid.NewGuid().ToString();
        var payload = WebhookExamples.Get("issue_comment", "created");

        Assert.Equal((HttpStatusCode.OK, "event accepted"), await SendSigned("issue_comment", payload, delivery));
        await Eventually.Until(() => _host.Dispatcher.Count(delivery) == 1, TimeSpan.FromSeconds(30), "the first delivery to be processed");
        Assert.Equal((HttpStatusCode.OK, "duplicate delivery; already accepted"), await SendSigned("issue_comment", payload, delivery));

        // A later, different delivery to the same grain is processed; the duplicate still is not.
        var next = Guid.NewGuid().ToString();
        await SendSigned("issue_comment", payload, next);
        await Eventually.Until(() => _host.Dispatcher.Count(next) == 1, TimeSpan.FromSeconds(30), "the next delivery");
        Assert.Equal(1, _host.Dispatcher.Count(delivery));
    }

    [Fact]
    public async Task StatusEvent_RoutedToThePullRequestWithThatHead()
    {
        var pr = WebhookExamples.Get("pull_request", "opened");
        var status = WebhookExamples.Get("status");
        var sha = (string)status["sha"]!;
        pr["number"] = 4242;
        pr["pull_request"]!["number"] = 4242;
        pr["pull_request"]!["head"]!["sha"] = sha;
        await SendSigned("pull_request", pr);
        var grain = _host.Grains.GetPullRequestGrain(new PullRequestKey("Codertocat", "Hello-World", 4242));
        await Eventually.Until(async () => (await grain.GetSnapshot()).HeadSha == sha ? (object)true : null, TimeSpan.FromSeconds(30), "the PR head to be indexed");

        var delivery = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.OK, (await SendSigned("status", status, delivery)).Code);

        // The plugins see it once (from the repository grain); the PR grain records it for its head.
        await Eventually.Until(async () => (await grain.GetSnapshot()).HeadStatuses.GetValueOrDefault((string)status["context"]!) == (string)status["state"]! ? (object)true : null,
            TimeSpan.FromSeconds(30), "the status to reach the PR");
        Assert.Equal(1, _host.Dispatcher.Count(delivery));
    }

    [Fact]
    public async Task StatusEvent_ForACommitNoPullRequestHas_StillReachesThePlugins()
    {
        var status = WebhookExamples.Get("status");
        status["sha"] = "0000000000000000000000000000000000c0ffee";
        var delivery = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.OK, (await SendSigned("status", status, delivery)).Code);
        await Eventually.Until(() => _host.Dispatcher.Count(delivery) == 1, TimeSpan.FromSeconds(30), "the status to reach the plugins");
    }

    public static TheoryData<string, string> IgnoredEvents => new()
    {
        { "ping", "pong" },
        { "star", "event type star is not handled" },
    };

    [Theory]
    [MemberData(nameof(IgnoredEvents))]
    public async Task IgnoredEvent_200WithReason(string eventType, string reason)
    {
        var payload = eventType == "ping" ? WebhookExamples.Get("ping") : new JsonObject { ["action"] = "created" };
        Assert.Equal((HttpStatusCode.OK, reason), await SendSigned(eventType, payload));
    }

    [Fact]
    public async Task RepoWithoutPlugins_200Ignored()
    {
        var payload = WebhookExamples.Get("issues", "opened");
        payload["repository"]!["full_name"] = "nobody/nothing";
        Assert.Equal((HttpStatusCode.OK, "no plugins are enabled for nobody/nothing"), await SendSigned("issues", payload));
    }

    [Fact]
    public async Task MissingSignature_401()
    {
        var request = SignedWebhook.Create("push", WebhookExamples.Get("push").ToJsonString(), HookHost.Secret);
        request.Headers.Remove("X-Hub-Signature-256");
        Assert.Equal((HttpStatusCode.Unauthorized, "missing X-Hub-Signature-256 header"), await Send(request));
    }

    [Fact]
    public async Task WrongSignature_403() =>
        Assert.Equal((HttpStatusCode.Forbidden, "invalid X-Hub-Signature-256"), await SendSigned("push", WebhookExamples.Get("push"), secret: "wrong"));

    [Fact]
    public async Task NonJsonBody_400()
    {
        var (code, body) = await Send(SignedWebhook.Create("push", "this is not json", HookHost.Secret));
        Assert.Equal(HttpStatusCode.BadRequest, code);
        Assert.StartsWith("body is not valid JSON:", body);
    }

    [Fact]
    public async Task MissingRepository_400()
    {
        var payload = WebhookExamples.Get("push");
        payload.Remove("repository");
        Assert.Equal((HttpStatusCode.BadRequest, "invalid push payload: missing repository"), await SendSigned("push", payload));
    }

    [Fact]
    public async Task MissingEventHeader_400()
    {
        var request = SignedWebhook.Create("push", "{}", HookHost.Secret);
        request.Headers.Remove("X-GitHub-Event");
        Assert.Equal((HttpStatusCode.BadRequest, "missing X-GitHub-Event header"), await Send(request));
    }

    [Fact]
    public async Task OversizedBody_413()
    {
        var big = "{\"pad\":\"" + new string('x', 25 * 1024 * 1024) + "\"}";
        var (code, _) = await Send(SignedWebhook.Create("push", big, HookHost.Secret));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, code);
    }

    [Fact]
    public async Task WrongMethod_405()
    {
        using var response = await _host.Http.GetAsync("/hook");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("POST", response.Content.Headers.Allow.Single());
    }

    [Fact]
    public async Task WrongContentType_415()
    {
        var request = SignedWebhook.Create("push", "payload=%7B%7D", HookHost.Secret);
        request.Content!.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await Send(request)).Code);
    }

    [Fact]
    public async Task Metrics_CountEventsAndResponseCodes()
    {
        await SendSigned("push", WebhookExamples.Get("push"));
        var metrics = await _host.Http.GetStringAsync("/metrics");
        Assert.Contains("prow_webhook_counter{event_type=\"push\"}", metrics);
        Assert.Contains("prow_webhook_response_codes{response_code=\"200\"}", metrics);
    }

    [Fact]
    public async Task Fuzz_MutatedRealPayloads_NeverAnswer5xx()
    {
        var random = new Random(1234);
        var events = new[] { "pull_request", "issue_comment", "issues", "push", "status", "check_run", "pull_request_review" };
        for (var i = 0; i < 300; i++)
        {
            var eventType = events[random.Next(events.Length)];
            var examples = WebhookExamples.Of(eventType);
            var text = PayloadMutator.Mutate(examples[random.Next(examples.Count)], random);
            var request = SignedWebhook.Create(random.Next(10) == 0 ? "pull_request" : eventType, text, HookHost.Secret);
            var (code, body) = await Send(request);
            Assert.True((int)code < 500, $"mutation {i} of {eventType} answered {(int)code}: {body}\n{text[..Math.Min(text.Length, 400)]}");
        }
    }
}
