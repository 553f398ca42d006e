namespace Prow.Grains.Ports;

/// <summary>
/// Posts Slack messages (Prow's <c>slack.Client.WriteMessage</c>), one credential per Slack host (the
/// <c>host</c> of a Slack reporter config; "*" is the default). The silo's adapter posts to an incoming
/// webhook or to <c>chat.postMessage</c> with a bot token.
/// </summary>
public interface ISlackClient
{
    /// <summary>Whether a credential is configured for <paramref name="host"/> ("*" for the default).</summary>
    bool HasHost(string host);

    /// <summary>
    /// Posts <paramref name="text"/> to <paramref name="channel"/>. Null when Slack took it; otherwise why Slack
    /// will never take it (a permanent error such as channel_not_found or invalid_auth; not retried).
    /// Transient failures (5xx, 429, network, timeouts) throw <see cref="JobReportException"/> or
    /// <see cref="HttpRequestException"/>.
    /// </summary>
    Task<string?> PostMessageAsync(string host, string channel, string text, CancellationToken cancellationToken);
}
