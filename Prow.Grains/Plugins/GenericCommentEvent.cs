using Prow.Abstractions.GitHub;

namespace Prow.Grains.Plugins;

/// <summary>
/// Prow's <c>GenericCommentEvent</c>: one shape for any user text — an issue comment, a review, a review
/// comment, or the body of an opened or edited issue or pull request — so command plugins handle them alike.
/// Built by <see cref="GenericComments.From"/>.
/// </summary>
public sealed record GenericCommentEvent
{
    /// <summary>The issue's or pull request's ID (0 for reviews and review comments, as in Prow).</summary>
    public long Id { get; init; }
    public long? CommentId { get; init; }
    public bool IsPR { get; init; }
    public GenericCommentAction Action { get; init; }
    public string Body { get; init; } = "";
    public string HtmlUrl { get; init; } = "";
    public int Number { get; init; }
    public Repo Repo { get; init; } = new();
    /// <summary>Who wrote the text.</summary>
    public User User { get; init; } = new();
    public User IssueAuthor { get; init; } = new();
    public IReadOnlyList<User> Assignees { get; init; } = [];
    public string IssueState { get; init; } = "";
    public string IssueTitle { get; init; } = "";
    public string IssueBody { get; init; } = "";
    public string IssueHtmlUrl { get; init; } = "";
    /// <summary>The webhook delivery ID (X-GitHub-Delivery).</summary>
    public string Guid { get; init; } = "";
}
