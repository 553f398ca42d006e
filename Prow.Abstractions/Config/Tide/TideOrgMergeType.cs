using Prow.Abstractions.Config.Yaml;
using YamlDotNet.RepresentationModel;

namespace Prow.Abstractions.Config.Tide;

/// <summary>
/// A merge_method value for an org (or "org/repo" key): either a method ("merge", "squash",
/// "rebase") or a mapping of repos to <see cref="TideRepoMergeType"/>.
/// </summary>
public sealed class TideOrgMergeType : IYamlBindable
{
    public string MergeType { get; set; } = "";
    public Dictionary<string, TideRepoMergeType>? Repos { get; set; }

    public void Bind(YamlNode node, YamlBindContext context)
    {
        if (node is YamlScalarNode scalar) MergeType = scalar.Value ?? "";
        else Repos = YamlBinder.Bind<Dictionary<string, TideRepoMergeType>>(node, context);
    }
}
