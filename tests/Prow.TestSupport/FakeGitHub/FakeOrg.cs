namespace Prow.TestSupport.FakeGitHub;

public sealed class FakeOrg
{
    public required string Login { get; init; }
    public long Id { get; init; }
    public HashSet<string> Members { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, FakeTeam> Teams { get; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>The GitHub App installation on this org (null: App not installed).</summary>
    public long? InstallationId { get; set; }
    /// <summary>Whether the installation is on a user account (then only /users/{login}/installation finds it).</summary>
    public bool IsUser { get; set; }
}
