using System.Text.Json;

namespace Prow.Abstractions.GitHub.Events;

/// <summary><c>pull_request</c>: opened, reopened, synchronize, edited, labeled, unlabeled, closed, ready_for_review, converted_to_draft, ...</summary>
public sealed class PullRequestEvent : WebhookPayload
{
    public int Number { get; set; }
    public PullRequest PullRequest { get; set; } = new();
    /// <summary>The label added or removed (labeled / unlabeled).</summary>
    public Label? Label { get; set; }
    /// <summary>What an <c>edited</c> action changed, e.g. <c>{"base": {"ref": {"from": "main"}}}</c>.</summary>
    public JsonElement? Changes { get; set; }
    /// <summary>The SHA before a <c>synchronize</c>.</summary>
    public string? Before { get; set; }
    public string? After { get; set; }
}
