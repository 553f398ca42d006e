using Prow.Abstractions.Config.Yaml;

namespace Prow.Abstractions.Config.Jobs;

/// <summary>Who may rerun a job.</summary>
public sealed class RerunAuthConfig : SourceLocated
{
    public bool AllowAnyone { get; set; }

    [YamlDotNet.Serialization.YamlMember(Alias = "github_team_ids")]
    public List<int>? GitHubTeamIds { get; set; }

    [YamlDotNet.Serialization.YamlMember(Alias = "github_team_slugs")]
    public List<GitHubTeamSlug>? GitHubTeamSlugs { get; set; }

    [YamlDotNet.Serialization.YamlMember(Alias = "github_users")]
    public List<string>? GitHubUsers { get; set; }

    [YamlDotNet.Serialization.YamlMember(Alias = "github_orgs")]
    public List<string>? GitHubOrgs { get; set; }

    /// <summary>True when users, teams or orgs are listed.</summary>
    public bool HasAllowList =>
        GitHubUsers is { Count: > 0 } || GitHubTeamIds is { Count: > 0 } || GitHubTeamSlugs is { Count: > 0 } || GitHubOrgs is { Count: > 0 };
}
