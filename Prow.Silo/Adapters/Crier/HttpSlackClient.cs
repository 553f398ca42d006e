using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Prow.Grains.Ports;

namespace Prow.Silo.Adapters.Crier;

/// <summary>
/// <see cref="ISlackClient"/> over HTTP. A host with a webhook URL file gets <c>{"channel","text"}</c> posted to
/// that URL (Slack answers 200 "ok"); a host with a token file gets it posted to <c>chat.postMessage</c> with
/// <c>Authorization: Bearer</c> (Slack answers 200 <c>{"ok":true}</c> or <c>{"ok":false,"error":...}</c>).
/// 5xx, 429 (with its Retry-After) and Slack's transient errors (ratelimited, internal_error, ...) throw
/// <see cref="JobReportException"/> to be retried; other refusals (4xx, channel_not_found, invalid_auth, ...)
/// are returned as permanent.
/// </summary>
public sealed partial class HttpSlackClient : ISlackClient
{
    public const string HttpClientName = "slack";

    private static readonly HashSet<string> TransientErrors =
        ["ratelimited", "rate_limited", "internal_error", "fatal_error", "service_unavailable", "request_timeout", "team_added_to_org"];

    private readonly IHttpClientFactory _http;
    private readonly Dictionary<string, SecretFile> _webhooks;
    private readonly Dictionary<string, SecretFile> _tokens;
    private readonly Uri _postMessage;
    private readonly bool _dryRun;
    private readonly ILogger _logger;

    public HttpSlackClient(IHttpClientFactory http, SlackClientOptions options, ILogger<HttpSlackClient>? logger = null)
    {
        _http = http;
        _dryRun = options.DryRun;
        _logger = logger ?? (ILogger)Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        _webhooks = options.WebhookUrlFiles.ToDictionary(p => p.Key, p => new SecretFile(p.Value), StringComparer.Ordinal);
        _tokens = options.TokenFiles.ToDictionary(p => p.Key, p => new SecretFile(p.Value), StringComparer.Ordinal);
        _postMessage = new Uri(options.ApiEndpoint.TrimEnd('/') + "/chat.postMessage");
    }

    public bool HasHost(string host) => _webhooks.ContainsKey(host) || _tokens.ContainsKey(host);

    public async Task<string?> PostMessageAsync(string host, string channel, string text, CancellationToken cancellationToken)
    {
        if (!HasHost(host)) return $"no Slack credentials for host \"{host}\"";
        if (_dryRun)
        {
            LogDryRun(host, channel, text);
            return null;
        }
        var body = new SlackMessage(channel, text);
        using var request = new HttpRequestMessage(HttpMethod.Post, _postMessage) { Content = JsonContent.Create(body, SlackJson.Default.SlackMessage) };
        var viaToken = false;
        if (_tokens.TryGetValue(host, out var token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.ReadForReport());
            viaToken = true;
        }
        else if (_webhooks.TryGetValue(host, out var webhook))
        {
            request.RequestUri = new Uri(webhook.ReadForReport());
        }
        else
        {
            return $"no Slack credentials for host \"{host}\"";
        }

        using var response = await _http.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        var answer = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var problem = $"Slack answered {(int)response.StatusCode}: {Shorten(answer)}";
            if (IsTransient(response.StatusCode)) throw new JobReportException(problem, RetryAfterHeader.Of(response, DateTimeOffset.UtcNow));
            return problem;
        }
        if (!viaToken) return null;
        SlackAnswer? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize(answer, SlackJson.Default.SlackAnswer);
        }
        catch (JsonException e)
        {
            throw new JobReportException($"Slack's answer is not JSON: {Shorten(answer)}", inner: e);
        }
        if (parsed is { Ok: true }) return null;
        var error = parsed?.Error ?? "unknown_error";
        if (TransientErrors.Contains(error)) throw new JobReportException($"Slack answered error {error}", RetryAfterHeader.Of(response, DateTimeOffset.UtcNow));
        return error;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "dry run: not posting to Slack host {Host} channel {Channel}: {Text}")]
    private partial void LogDryRun(string host, string channel, string text);

    private static bool IsTransient(HttpStatusCode code) => (int)code >= 500 || code is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout;

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "...";
}

internal sealed record SlackMessage(
    [property: JsonPropertyName("channel")] string Channel,
    [property: JsonPropertyName("text")] string Text);

internal sealed record SlackAnswer(
    [property: JsonPropertyName("ok")] bool Ok,
    [property: JsonPropertyName("error")] string? Error);

[JsonSerializable(typeof(SlackMessage))]
[JsonSerializable(typeof(SlackAnswer))]
internal sealed partial class SlackJson : JsonSerializerContext;
