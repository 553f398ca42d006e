namespace Prow.Gateway.Webhooks;

/// <summary>Which grain owns a delivery, or why none does.</summary>
public sealed record WebhookRoute(WebhookRouteKind Kind, string? Org = null, string? Repo = null, int Number = 0, string? Reason = null)
{
    public static WebhookRoute Ignore(string reason, string? org = null, string? repo = null) => new(WebhookRouteKind.Ignore, org, repo, Reason: reason);

    public static WebhookRoute Invalid(string reason) => new(WebhookRouteKind.Invalid, Reason: reason);
}

public enum WebhookRouteKind
{
    /// <summary>Answer 200 and do nothing (ping, unhandled event types, repos without plugins).</summary>
    Ignore,

    /// <summary>The body lacks what the event type needs: answer 400 with the reason.</summary>
    Invalid,

    /// <summary>The pull request or issue grain <c>org/repo#Number</c>.</summary>
    PullRequest,

    /// <summary>The repository grain <c>org/repo</c>.</summary>
    Repo,
}
