namespace Prow.Abstractions.GitHub;

public sealed class IssueComment
{
    public long Id { get; set; }
    public string Body { get; set; } = "";
    public User User { get; set; } = new();
    public string? HtmlUrl { get; set; }
    public string? AuthorAssociation { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
