using Prow.Abstractions.Config.Yaml;

namespace Prow.Abstractions.Config.Deck;

/// <summary>Spyglass: which lenses show which artifacts.</summary>
public sealed class SpyglassConfig : SourceLocated
{
    public List<LensFileConfig>? Lenses { get; set; }

    /// <summary>Deprecated: regex → viewer names; converted to lenses.</summary>
    public Dictionary<string, List<string>>? Viewers { get; set; }

    /// <summary>Largest artifact read whole, in bytes; defaults to 100e6.</summary>
    public long SizeLimit { get; set; }

    [YamlDotNet.Serialization.YamlMember(Alias = "gcs_browser_prefix")]
    public string GcsBrowserPrefix { get; set; } = "";

    [YamlDotNet.Serialization.YamlMember(Alias = "gcs_browser_prefixes")]
    public Dictionary<string, string>? GcsBrowserPrefixesByRepo { get; set; }

    [YamlDotNet.Serialization.YamlMember(Alias = "gcs_browser_prefixes_by_bucket")]
    public Dictionary<string, string>? GcsBrowserPrefixesByBucket { get; set; }

    public string Announcement { get; set; } = "";

    [YamlDotNet.Serialization.YamlMember(Alias = "testgrid_config")]
    public string TestGridConfig { get; set; } = "";

    [YamlDotNet.Serialization.YamlMember(Alias = "testgrid_root")]
    public string TestGridRoot { get; set; } = "";

    [YamlDotNet.Serialization.YamlMember(Alias = "hide_pr_history_link")]
    public bool HidePrHistoryLink { get; set; }

    [YamlDotNet.Serialization.YamlMember(Alias = "pr_history_link_template")]
    public string PrHistoryLinkTemplate { get; set; } = "";

    public Dictionary<string, string>? BucketAliases { get; set; }
}
