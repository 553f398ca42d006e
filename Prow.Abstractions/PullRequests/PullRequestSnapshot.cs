namespace Prow.Abstractions.PullRequests;

/// <summary>What the webhooks have told a pull request grain about its PR or issue.</summary>
[GenerateSerializer]
[Alias("prow.PullRequestSnapshot")]
public sealed class PullRequestSnapshot
{
    [Id(0)] public bool IsPullRequest { get; set; }
    [Id(1)] public string State { get; set; } = "";
    [Id(2)] public string Author { get; set; } = "";
    [Id(3)] public string Title { get; set; } = "";
    [Id(4)] public string HeadSha { get; set; } = "";
    [Id(5)] public string HeadRef { get; set; } = "";
    [Id(6)] public string BaseRef { get; set; } = "";
    [Id(7)] public string BaseSha { get; set; } = "";
    [Id(8)] public List<string> Labels { get; set; } = [];
    [Id(9)] public bool Draft { get; set; }
    [Id(10)] public bool Merged { get; set; }
    [Id(11)] public bool? Mergeable { get; set; }
    [Id(12)] public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The latest state of each status context on the head commit (from status events), reset when the head moves.</summary>
    [Id(13)] public Dictionary<string, string> HeadStatuses { get; set; } = [];
}
