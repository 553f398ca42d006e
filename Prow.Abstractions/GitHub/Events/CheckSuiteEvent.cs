namespace Prow.Abstractions.GitHub.Events;

/// <summary><c>check_suite</c>: completed, requested, rerequested.</summary>
public sealed class CheckSuiteEvent : WebhookPayload
{
    public CheckSuite CheckSuite { get; set; } = new();
}
