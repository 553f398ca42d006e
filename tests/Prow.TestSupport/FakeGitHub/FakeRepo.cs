namespace Prow.TestSupport.FakeGitHub;

public sealed class FakeRepo
{
    public required string Org { get; init; }
    public required string Name { get; init; }
    public long Id { get; init; }
    public string DefaultBranch { get; set; } = "main";
    public bool Private { get; set; }
    public Dictionary<string, FakeLabel> Labels { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<int, FakeIssue> Issues { get; } = [];
    public HashSet<string> Collaborators { get; } = new(StringComparer.OrdinalIgnoreCase);
    public List<FakeComment> Comments { get; } = [];
    public List<FakeStatus> Statuses { get; } = [];
    public List<FakeCheckRun> CheckRuns { get; } = [];
    /// <summary>Branch or tag ("heads/main", "tags/v1") to commit SHA.</summary>
    public Dictionary<string, string> Refs { get; } = new(StringComparer.Ordinal);
    /// <summary>File bytes by (ref, path); ref is a branch name or SHA, the default branch when seeded without one.</summary>
    public Dictionary<(string Ref, string Path), byte[]> Files { get; } = [];

    public string FullName => $"{Org}/{Name}";
}
