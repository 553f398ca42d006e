using Microsoft.Extensions.Logging;
using Prow.Abstractions.Config;
using Prow.Abstractions.Config.Plugins;
using Prow.Abstractions.GitHub;
using Prow.Abstractions.GitHub.Events;
using Prow.Abstractions.Webhooks;
using Prow.Grains.Ports;

namespace Prow.Grains.Plugins;

/// <summary>
/// What a plugin handler gets: GitHub, the configuration snapshot in force for this event, where the event
/// happened, the event itself (raw and parsed), a logger, the clock, and a responder that replies in Prow's format.
/// One context per plugin per event.
/// </summary>
public sealed class PluginContext
{
    private static readonly PluginsConfig NoPlugins = new();

    public required IGitHub GitHub { get; init; }
    public required ConfigSnapshot Config { get; init; }
    public required string Org { get; init; }
    public required string Repo { get; init; }
    /// <summary>The issue or pull request number, when the event concerns one.</summary>
    public int? Number { get; init; }
    public required WebhookEvent Webhook { get; init; }
    /// <summary>The parsed payload: cast to the event's type (<see cref="PullRequestEvent"/>, <see cref="PushEvent"/>, ...).</summary>
    public required WebhookPayload Payload { get; init; }
    /// <summary>The normalised text event, for events that carry user text.</summary>
    public GenericCommentEvent? Comment { get; init; }
    public required ILogger Logger { get; init; }
    public required TimeProvider Time { get; init; }

    public PluginsConfig Plugins => Config.Plugins ?? NoPlugins;
    public string EventType => Webhook.EventType;
    public string DeliveryId => Webhook.DeliveryId;

    /// <summary>The issue or pull request number; throws for events without one (push, status).</summary>
    public int RequiredNumber => Number ?? throw new InvalidOperationException($"a {EventType} event concerns no issue or pull request");

    /// <summary>Replies to the triggering text like Prow's <c>FormatResponseRaw</c>: mention, quote, footer.</summary>
    public Task<IssueComment> ReplyAsync(string reply, CancellationToken cancellationToken = default)
    {
        var comment = Comment ?? throw new InvalidOperationException($"a {EventType}/{Payload.Action} event has no text to reply to");
        return CommentAsync(PluginResponses.FormatCommentResponse(comment, reply), cancellationToken);
    }

    /// <summary>Posts <paramref name="body"/> as is on the issue or pull request.</summary>
    public Task<IssueComment> CommentAsync(string body, CancellationToken cancellationToken = default) =>
        GitHub.CreateCommentAsync(Org, Repo, RequiredNumber, body, cancellationToken);
}
