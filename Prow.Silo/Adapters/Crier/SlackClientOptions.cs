namespace Prow.Silo.Adapters.Crier;

/// <summary>
/// Slack credentials per Slack host ("*" = the default host, the one of configs without <c>host</c>): an
/// incoming-webhook URL file (<c>--slack-webhook-url-file</c>) or a bot token file (Prow's
/// <c>--slack-token-file</c>, posted to <see cref="ApiEndpoint"/>/chat.postMessage).
/// </summary>
public sealed class SlackClientOptions
{
    public IReadOnlyDictionary<string, string> WebhookUrlFiles { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> TokenFiles { get; init; } = new Dictionary<string, string>();

    /// <summary>Slack's Web API base URL (<c>--slack-api-endpoint</c>; tests point it at a local receiver).</summary>
    public string ApiEndpoint { get; init; } = "https://slack.com/api";

    /// <summary>How long one HTTP call to Slack may take.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Messages are logged, not posted (the host's <c>--dry-run</c>, as Prow's crier passes it to its Slack reporter).</summary>
    public bool DryRun { get; init; }

    public bool HasCredentials => WebhookUrlFiles.Count > 0 || TokenFiles.Count > 0;
}
