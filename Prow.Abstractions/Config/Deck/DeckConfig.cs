using Prow.Abstractions.Config.Jobs;
using Prow.Abstractions.Config.Yaml;

namespace Prow.Abstractions.Config.Deck;

/// <summary>Deck, the web UI.</summary>
public sealed class DeckConfig : SourceLocated
{
    public SpyglassConfig Spyglass { get; set; } = new();

    /// <summary>How often Deck fetches Tide's status; defaults to 10s.</summary>
    public TimeSpan? TideUpdatePeriod { get; set; }

    /// <summary>Orgs and repos Deck does not show.</summary>
    public List<string>? HiddenRepos { get; set; }

    public List<ExternalAgentLog>? ExternalAgentLogs { get; set; }
    public BrandingConfig? Branding { get; set; }
    public string GoogleAnalytics { get; set; } = "";

    /// <summary>Who may rerun jobs, by "org/repo", "org" or "*" (exclusive with default_rerun_auth_configs).</summary>
    public Dictionary<string, RerunAuthConfig>? RerunAuthConfigs { get; set; }

    public List<DefaultRerunAuthConfigEntry>? DefaultRerunAuthConfigs { get; set; }

    public bool? SkipStoragePathValidation { get; set; }
    public List<string>? AdditionalAllowedBuckets { get; set; }
}
