using System.Text.Json;

namespace Prow.Abstractions.GitHub;

/// <summary>An issue, or the issue side of a pull request (then <see cref="PullRequest"/> is set).</summary>
public sealed class Issue
{
    public long Id { get; set; }
    public int Number { get; set; }
    public string Title { get; set; } = "";
    public string? Body { get; set; }
    public string State { get; set; } = "";
    public User User { get; set; } = new();
    public List<Label> Labels { get; set; } = [];
    public List<User> Assignees { get; set; } = [];
    public Milestone? Milestone { get; set; }
    public string? HtmlUrl { get; set; }
    public string? AuthorAssociation { get; set; }
    /// <summary>Present (with URLs) when this issue is a pull request.</summary>
    public JsonElement? PullRequest { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsPullRequest => PullRequest is { ValueKind: JsonValueKind.Object };
}
