namespace Prow.Abstractions.Webhooks;

/// <summary>
/// A grain that owns webhook events. <see cref="Accept"/> returns only after the event is durably
/// stored; processing happens afterwards, in order, and resumes after a restart. The same
/// delivery ID is processed once.
/// </summary>
[Alias("prow.IWebhookInbox")]
public interface IWebhookInbox : IGrainWithStringKey
{
    [Alias("Accept")]
    Task<AcceptResult> Accept(WebhookEvent webhook);

    /// <summary>Events accepted and not yet processed (for inspection and tests).</summary>
    [Alias("PendingCount")]
    Task<int> PendingCount();
}
