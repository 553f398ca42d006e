namespace Prow.Abstractions.GitHub.Events;

/// <summary><c>status</c>: a commit status changed on <see cref="Sha"/>.</summary>
public sealed class StatusEvent : WebhookPayload
{
    public string Sha { get; set; } = "";
    public string State { get; set; } = "";
    public string Context { get; set; } = "";
    public string? Description { get; set; }
    public string? TargetUrl { get; set; }
}
