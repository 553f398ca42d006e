namespace Prow.Abstractions.GitHub.Events;

/// <summary><c>create</c> and <c>delete</c> of a branch or tag.</summary>
public sealed class RefEvent : WebhookPayload
{
    public string Ref { get; set; } = "";
    /// <summary>"branch" or "tag".</summary>
    public string RefType { get; set; } = "";
}
