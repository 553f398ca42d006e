namespace Prow.Abstractions.GitHub.Events;

/// <summary><c>issues</c>: opened, edited, labeled, unlabeled, closed, reopened, assigned, ...</summary>
public sealed class IssueEvent : WebhookPayload
{
    public Issue Issue { get; set; } = new();
    public Label? Label { get; set; }
    public User? Assignee { get; set; }
}
