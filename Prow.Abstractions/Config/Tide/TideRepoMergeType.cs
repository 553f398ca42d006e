using Prow.Abstractions.Config.Yaml;
using YamlDotNet.RepresentationModel;

namespace Prow.Abstractions.Config.Tide;

/// <summary>A repo's merge method, or a mapping of branch regexes to merge methods.</summary>
public sealed class TideRepoMergeType : IYamlBindable
{
    public string MergeType { get; set; } = "";
    public Dictionary<string, string>? Branches { get; set; }

    public void Bind(YamlNode node, YamlBindContext context)
    {
        if (node is YamlScalarNode scalar) MergeType = scalar.Value ?? "";
        else Branches = YamlBinder.Bind<Dictionary<string, string>>(node, context);
    }
}
