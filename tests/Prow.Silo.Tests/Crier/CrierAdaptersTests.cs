using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Prow.Abstractions.Config;
using Prow.Abstractions.Jobs;
using Prow.Grains.Ports;
using Prow.Silo.Adapters.Crier;
using Prow.Silo.Tests.Jobs;
using Prow.TestSupport;

namespace Prow.Silo.Tests.Crier;

/// <summary>The Slack client and the webhook reporter against a local receiver: Slack's answers, signatures, partial deliveries.</summary>
public sealed class CrierAdaptersTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private readonly ServiceProvider _services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
    private HttpReceiver _receiver = null!;
    private HttpReceiver _other = null!;

    public async Task InitializeAsync()
    {
        _receiver = await HttpReceiver.StartAsync();
        _other = await HttpReceiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await _other.DisposeAsync();
        await _services.DisposeAsync();
        _dir.Dispose();
    }

    private IHttpClientFactory Http => _services.GetRequiredService<IHttpClientFactory>();

    private HttpSlackClient TokenClient(string token = "xoxb-1") => new(Http, new SlackClientOptions
    {
        TokenFiles = new Dictionary<string, string> { ["*"] = _dir.Write("token", token) },
        ApiEndpoint = _receiver.Url("api/"),
    });

    [Fact]
    public async Task The_bot_token_posts_channel_and_text_to_chat_postMessage()
    {
        _receiver.Body = """{"ok":true,"channel":"C1","ts":"1.2"}""";
        var client = TokenClient();

        Assert.True(client.HasHost("*"));
        Assert.False(client.HasHost("corp"));
        Assert.Null(await client.PostMessageAsync("*", "#ci", "hello <https://x|y>", CancellationToken.None));
        var request = Assert.Single(_receiver.Requests);
        Assert.Equal(("POST", "/api/chat.postMessage", "Bearer xoxb-1"), (request.Method, request.Path, request.Header("Authorization")));
        Assert.Equal("""{"channel":"#ci","text":"hello \u003Chttps://x|y\u003E"}""", request.Text);
        Assert.StartsWith("application/json", request.Header("Content-Type"));
    }

    [Fact]
    public async Task The_token_file_is_read_again_when_it_changes()
    {
        _receiver.Body = """{"ok":true}""";
        var client = TokenClient("first");
        await client.PostMessageAsync("*", "#ci", "a", CancellationToken.None);
        var path = _dir.Combine("token");
        File.WriteAllText(path, "second-token\n");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        await client.PostMessageAsync("*", "#ci", "b", CancellationToken.None);
        Assert.Equal(["Bearer first", "Bearer second-token"], _receiver.Requests.Select(r => r.Header("Authorization")));
    }

    [Theory]
    [InlineData(200, """{"ok":false,"error":"channel_not_found"}""", null, "channel_not_found")]
    [InlineData(200, """{"ok":false,"error":"invalid_auth"}""", null, "invalid_auth")]
    [InlineData(404, "channel_not_found", null, "Slack answered 404: channel_not_found")]
    [InlineData(200, """{"ok":false,"error":"ratelimited"}""", null, null)]
    [InlineData(200, """{"ok":false,"error":"internal_error"}""", null, null)]
    [InlineData(500, "rollup_error", null, null)]
    [InlineData(429, "", "7", null)]
    public async Task Slack_answers_are_permanent_refusals_or_retryable_failures(int status, string body, string? retryAfter, string? refusal)
    {
        _receiver.FailNext(1, status, body, retryAfter);
        var client = TokenClient();
        if (refusal is not null)
        {
            Assert.Equal(refusal, await client.PostMessageAsync("*", "#ci", "x", CancellationToken.None));
            return;
        }
        var e = await Assert.ThrowsAsync<JobReportException>(() => client.PostMessageAsync("*", "#ci", "x", CancellationToken.None));
        Assert.Equal(retryAfter is null ? null : TimeSpan.FromSeconds(7), e.RetryAfter);
    }

    [Fact]
    public async Task An_incoming_webhook_host_posts_to_the_url_in_its_file()
    {
        var client = new HttpSlackClient(Http, new SlackClientOptions
        {
            WebhookUrlFiles = new Dictionary<string, string> { ["corp"] = _dir.Write("hook", _receiver.Url("services/T/B/X") + "\n") },
        });
        Assert.Null(await client.PostMessageAsync("corp", "#c", "hi", CancellationToken.None)); // Slack answers 200 "ok"
        var request = Assert.Single(_receiver.Requests);
        Assert.Equal(("/services/T/B/X", null), (request.Path, request.Header("Authorization")));
        Assert.Equal("no Slack credentials for host \"*\"", await client.PostMessageAsync("*", "#c", "hi", CancellationToken.None));
    }

    [Fact]
    public async Task Dry_run_sends_nothing_and_counts_as_done()
    {
        var slack = new HttpSlackClient(Http, new SlackClientOptions { TokenFiles = new Dictionary<string, string> { ["*"] = _dir.Write("t", "x") }, ApiEndpoint = _receiver.Url("api"), DryRun = true });
        Assert.Null(await slack.PostMessageAsync("*", "#ci", "text", CancellationToken.None));
        Assert.Equal("no Slack credentials for host \"corp\"", await slack.PostMessageAsync("corp", "#ci", "text", CancellationToken.None));
        var webhook = new WebhookJobReporter(Http, new WebhookReporterOptions { Urls = [_receiver.Url("hook")], DryRun = true });
        await webhook.ReportAsync(JobHostFixture.NewJob("dry", ProwJobType.Periodic), new ProwConfig(), CancellationToken.None);
        Assert.Empty(_receiver.Requests);
    }

    [Fact]
    public void The_signature_is_GitHubs_format() =>
        // GitHub's documented example of a webhook signature.
        Assert.Equal("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
            WebhookJobReporter.Sign("It's a Secret to Everybody", Encoding.UTF8.GetBytes("Hello, World!")));

    [Theory]
    [InlineData(ProwJobType.Periodic, ProwJobState.Triggered, true)]
    [InlineData(ProwJobType.Periodic, ProwJobState.Scheduling, false)]
    [InlineData(ProwJobType.Presubmit, ProwJobState.Success, false)]
    [InlineData(ProwJobType.Postsubmit, ProwJobState.Aborted, true)]
    public void The_job_types_filter_the_webhook_reports(ProwJobType type, ProwJobState state, bool expected)
    {
        var reporter = new WebhookJobReporter(Http, new WebhookReporterOptions { Urls = ["http://unused/"], JobTypes = [ProwJobType.Periodic, ProwJobType.Postsubmit] });
        var job = JobHostFixture.NewJob("x", type);
        job.Status.State = state;
        Assert.Equal(expected, reporter.ShouldReport(job, new ProwConfig()));
        Assert.True(new WebhookJobReporter(Http, new WebhookReporterOptions()).ShouldReport(job, new ProwConfig()) || state == ProwJobState.Scheduling);
    }

    [Fact]
    public async Task A_partial_delivery_is_retried_only_to_the_urls_that_did_not_take_it()
    {
        var reporter = new WebhookJobReporter(Http, new WebhookReporterOptions
        {
            Urls = [_receiver.Url("a"), _other.Url("b")],
            HmacSecretFile = _dir.Write("secret", "s3cret\n"),
        });
        var job = JobHostFixture.NewJob("partial", ProwJobType.Periodic);
        _other.FailNext(1, 502, retryAfter: "3");

        var e = await Assert.ThrowsAsync<JobReportException>(() => reporter.ReportAsync(job, new ProwConfig(), CancellationToken.None));
        Assert.Equal(TimeSpan.FromSeconds(3), e.RetryAfter);
        await reporter.ReportAsync(job, new ProwConfig(), CancellationToken.None);

        Assert.Single(_receiver.Requests);
        Assert.Equal([502, 200], _other.Requests.Select(r => r.Status));
        var body = _receiver.Requests[0].Body;
        Assert.Equal(WebhookJobReporter.Sign("s3cret", body), _receiver.Requests[0].Header(WebhookJobReporter.SignatureHeader));
        Assert.Equal(ProwJobJson.Serialize(job), Encoding.UTF8.GetString(body));
        Assert.Equal(("prowjob", "triggered", $"{job.Name}:triggered"),
            (_receiver.Requests[0].Header("X-Prow-Event"), _receiver.Requests[0].Header("X-Prow-Job-State"), _receiver.Requests[0].Header("X-Prow-Delivery")));

        // A new state goes to every URL again.
        job.Status.State = ProwJobState.Pending;
        await reporter.ReportAsync(job, new ProwConfig(), CancellationToken.None);
        Assert.Equal(2, _receiver.Requests.Count);
        Assert.Equal(3, _other.Requests.Count);
    }
}
