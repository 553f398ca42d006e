using YamlDotNet.Serialization;

namespace Prow.Abstractions.Config.Plugins;

/// <summary>How plugins treat OWNERS files (<c>owners:</c>).</summary>
public sealed class OwnersConfig
{
    /// <summary>org or org/repo entries whose markdown files may carry a YAML OWNERS header.</summary>
    [YamlMember(Alias = "mdyamlrepos")]
    public List<string> MdYamlRepos { get; set; } = [];

    /// <summary>org or org/repo entries where approve and lgtm use OWNERS files only, not collaborators.</summary>
    public List<string> SkipCollaborators { get; set; } = [];

    /// <summary>Labels that may not appear in OWNERS files. Defaults to <c>approved</c> and <c>lgtm</c>.</summary>
    [YamlMember(Alias = "labels_denylist")]
    public List<string>? LabelsDenyList { get; set; }

    /// <summary>Per org or org/repo, other names for OWNERS and OWNERS_ALIASES.</summary>
    public Dictionary<string, OwnersFilenames> Filenames { get; set; } = [];
}
