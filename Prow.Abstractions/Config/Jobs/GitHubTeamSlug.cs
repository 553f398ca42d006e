namespace Prow.Abstractions.Config.Jobs;

/// <summary>A GitHub team by org and slug.</summary>
public sealed class GitHubTeamSlug
{
    public string Org { get; set; } = "";
    public string Slug { get; set; } = "";
}
