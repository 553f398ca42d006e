namespace Prow.Abstractions.GitHub.Events;

/// <summary><c>check_run</c>: created, completed, rerequested, requested_action.</summary>
public sealed class CheckRunEvent : WebhookPayload
{
    public CheckRun CheckRun { get; set; } = new();
}
