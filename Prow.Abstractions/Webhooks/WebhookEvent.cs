namespace Prow.Abstractions.Webhooks;

/// <summary>
/// One GitHub webhook delivery exactly as it arrived: the event type (<c>X-GitHub-Event</c>), the
/// delivery GUID (<c>X-GitHub-Delivery</c>), the raw JSON body and the headers worth keeping
/// (for forwarding to external plugins unchanged). This is what grains persist in their inbox.
/// <see cref="RoutedByCommit"/> marks a commit event (status, checks) a repository grain has already
/// given to the plugins and passes on to the pull requests with that head, for their own records.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("prow.WebhookEvent")]
public sealed record WebhookEvent(
    [property: Id(0)] string EventType,
    [property: Id(1)] string DeliveryId,
    [property: Id(2)] string Payload,
    [property: Id(3)] DateTimeOffset ReceivedAt,
    [property: Id(4)] IReadOnlyDictionary<string, string> Headers,
    [property: Id(5)] bool RoutedByCommit = false);
