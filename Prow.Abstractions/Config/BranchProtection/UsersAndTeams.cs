namespace Prow.Abstractions.Config.BranchProtection;

/// <summary>Users and teams (dismissal restrictions, bypass allowances).</summary>
public sealed class UsersAndTeams
{
    public List<string>? Users { get; set; }
    public List<string>? Teams { get; set; }
}
