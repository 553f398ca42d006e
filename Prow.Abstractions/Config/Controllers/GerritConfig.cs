using Prow.Abstractions.Config.Yaml;

namespace Prow.Abstractions.Config.Controllers;

/// <summary>The Gerrit adapter.</summary>
public sealed class GerritConfig : SourceLocated
{
    /// <summary>How often Gerrit is polled; defaults to 1m.</summary>
    public TimeSpan? TickInterval { get; set; }

    /// <summary>Changes per query; defaults to 5.</summary>
    [YamlDotNet.Serialization.YamlMember(Alias = "ratelimit")]
    public int RateLimit { get; set; }

    [YamlDotNet.Serialization.YamlMember(Alias = "deck_url")]
    public string DeckUrl { get; set; } = "";

    public List<GerritOrgRepoConfig>? OrgReposConfig { get; set; }

    /// <summary>Regex of comments allowed to trigger presubmits.</summary>
    [YamlDotNet.Serialization.YamlMember(Alias = "allowed_presubmit_trigger_re")]
    public string AllowedPresubmitTriggerRe { get; set; } = "";
}
