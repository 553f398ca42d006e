namespace Prow.Grains.Webhooks;

/// <summary>Grain state that contains a webhook inbox.</summary>
public interface IHasInbox
{
    InboxState Inbox { get; }
}
