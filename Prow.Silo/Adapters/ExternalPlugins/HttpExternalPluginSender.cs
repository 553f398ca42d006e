using System.Net.Http.Headers;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using Prow.Grains.Ports;

namespace Prow.Silo.Adapters.ExternalPlugins;

/// <summary>
/// Forwards webhooks to external plugins as Prow's hook does: POST the original body with the original
/// GitHub headers (<c>X-GitHub-Event</c>, <c>X-GitHub-Delivery</c>, <c>X-Hub-Signature(-256)</c>,
/// <c>Content-Type</c>, ...) and <c>User-Agent: ProwHook</c> to the plugin's endpoint. <see cref="Enqueue"/>
/// only queues (a bounded channel); <see cref="ExternalPluginDeliveryService"/> drains the queue. Connection
/// failures, timeouts and 5xx are retried with jittered exponential backoff; failures are logged with the delivery ID.
/// </summary>
public sealed class HttpExternalPluginSender : IExternalPluginSender
{
    public const string HttpClientName = "external-plugins";
    public const string UserAgent = "ProwHook";

    // Headers that describe one hop or the body's framing; HttpClient sets its own.
    private static readonly HashSet<string> NotForwarded = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Content-Length", "Connection", "Transfer-Encoding", "Keep-Alive", "Upgrade", "Expect", "TE", "Trailer",
        "Proxy-Connection", "User-Agent",
    };

    private static readonly ResiliencePropertyKey<ExternalPluginDelivery> DeliveryKey = new("prow.external-plugin-delivery");

    private readonly Channel<ExternalPluginDelivery> _queue;
    private readonly IHttpClientFactory _httpClients;
    private readonly ILogger<HttpExternalPluginSender> _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private volatile bool _closed;

    public HttpExternalPluginSender(IHttpClientFactory httpClients, IOptions<ExternalPluginSenderOptions> options, TimeProvider time, ILogger<HttpExternalPluginSender> logger)
    {
        var o = options.Value;
        _httpClients = httpClients;
        _logger = logger;
        _queue = Channel.CreateBounded<ExternalPluginDelivery>(new BoundedChannelOptions(o.QueueCapacity) { FullMode = BoundedChannelFullMode.Wait });
        _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(0, o.MaxAttempts - 1),
                Delay = o.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(r => (int)r.StatusCode >= 500),
                OnRetry = args =>
                {
                    var delivery = args.Context.Properties.GetValue(DeliveryKey, null!);
                    _logger.LogWarning("Retrying event {DeliveryId} to external plugin {Plugin} in {Delay} after attempt {Attempt}: {Outcome}",
                        delivery.Webhook.DeliveryId, delivery.PluginName, args.RetryDelay, args.AttemptNumber + 1, Describe(args.Outcome));
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(o.AttemptTimeout)
            .Build();
    }

    internal ChannelReader<ExternalPluginDelivery> Queue => _queue.Reader;

    public void Enqueue(ExternalPluginDelivery delivery)
    {
        if (_queue.Writer.TryWrite(delivery)) return;
        _logger.LogError("External plugin queue is {State}: dropping event {DeliveryId} ({EventType}) for {Plugin}",
            _closed ? "closed (shutting down)" : "full",
            delivery.Webhook.DeliveryId, delivery.Webhook.EventType, delivery.PluginName);
    }

    /// <summary>Accepts no more deliveries; those queued are still sent.</summary>
    internal void CloseQueue()
    {
        _closed = true;
        _queue.Writer.TryComplete();
    }

    /// <summary>Sends one delivery with retries; logs the outcome, never throws (except when cancelled).</summary>
    public async Task DeliverAsync(ExternalPluginDelivery delivery, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(delivery.Webhook.Payload);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(DeliveryKey, delivery);
        try
        {
            var client = _httpClients.CreateClient(HttpClientName);
            using var response = await _pipeline.ExecuteAsync(
                async (ctx, state) => await client.SendAsync(BuildRequest(state.delivery, state.body), ctx.CancellationToken),
                context, (delivery, body));
            if (response.IsSuccessStatusCode)
            {
                _logger.LogInformation("Dispatched event {DeliveryId} ({EventType}) to external plugin {Plugin}",
                    delivery.Webhook.DeliveryId, delivery.Webhook.EventType, delivery.PluginName);
                return;
            }
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            _logger.LogError("Error dispatching event {DeliveryId} ({EventType}) to external plugin {Plugin} at {Endpoint}: status {Status}, body {Body}",
                delivery.Webhook.DeliveryId, delivery.Webhook.EventType, delivery.PluginName, delivery.Endpoint, (int)response.StatusCode, Truncate(text));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Error dispatching event {DeliveryId} ({EventType}) to external plugin {Plugin} at {Endpoint}",
                delivery.Webhook.DeliveryId, delivery.Webhook.EventType, delivery.PluginName, delivery.Endpoint);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static HttpRequestMessage BuildRequest(ExternalPluginDelivery delivery, byte[] body)
    {
        var webhook = delivery.Webhook;
        var request = new HttpRequestMessage(HttpMethod.Post, delivery.Endpoint) { Content = new ByteArrayContent(body) };
        var contentType = "application/json";
        foreach (var (name, value) in webhook.Headers)
        {
            if (NotForwarded.Contains(name)) continue;
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)) contentType = value;
            else request.Headers.TryAddWithoutValidation(name, value);
        }
        if (!request.Headers.Contains("X-GitHub-Event")) request.Headers.TryAddWithoutValidation("X-GitHub-Event", webhook.EventType);
        if (!request.Headers.Contains("X-GitHub-Delivery")) request.Headers.TryAddWithoutValidation("X-GitHub-Delivery", webhook.DeliveryId);
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        request.Content.Headers.ContentType = MediaTypeHeaderValue.TryParse(contentType, out var parsed) ? parsed : new MediaTypeHeaderValue("application/json");
        return request;
    }

    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is { } ex ? ex.GetType().Name + ": " + ex.Message : "status " + (int)outcome.Result!.StatusCode;

    private static string Truncate(string text) => text.Length <= 500 ? text : text[..500] + "...";
}
