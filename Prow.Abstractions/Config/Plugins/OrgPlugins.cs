using Prow.Abstractions.Config.Yaml;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;

namespace Prow.Abstractions.Config.Plugins;

/// <summary>
/// The plugins enabled for one <c>org</c> or <c>org/repo</c> key of <c>plugins:</c>. Two shapes are read,
/// as Prow reads them: the current <c>{plugins: [...], excluded_repos: [...]}</c> and the deprecated
/// plain list of plugin names.
/// </summary>
public sealed class OrgPlugins : SourceLocated, IYamlBindable
{
    /// <summary>Repos of the org (names without the org) that do not get the org-level plugins.</summary>
    public List<string> ExcludedRepos { get; set; } = [];

    public List<string> Plugins { get; set; } = [];

    /// <summary>1-based line of each entry of <see cref="Plugins"/>, for diagnostics.</summary>
    [YamlIgnore]
    public List<int> PluginLines { get; set; } = [];

    /// <summary>True when the entry used the deprecated list form (<c>org: [plugin, ...]</c>).</summary>
    [YamlIgnore]
    public bool IsListForm { get; set; }

    public void Bind(YamlNode node, YamlBindContext context)
    {
        switch (node)
        {
            case YamlSequenceNode sequence:
                IsListForm = true;
                Plugins = YamlBinder.Bind<List<string>>(sequence, context) ?? [];
                PluginLines = [.. sequence.Children.Where(c => !YamlBinder.IsNull(c)).Select(YamlBindContext.LineOf)];
                break;
            case YamlMappingNode mapping:
                YamlBinder.Populate(this, mapping, context);
                Plugins ??= [];
                ExcludedRepos ??= [];
                var list = mapping.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode { Value: "plugins" }).Value;
                PluginLines = list is YamlSequenceNode items
                    ? [.. items.Children.Where(c => !YamlBinder.IsNull(c)).Select(YamlBindContext.LineOf)]
                    : [];
                break;
            default:
                context.Error(node, "expected a list of plugin names or a mapping with 'plugins' and 'excluded_repos'");
                break;
        }
        while (PluginLines.Count < Plugins.Count) PluginLines.Add(SourceLine);
    }

    /// <summary>The line of plugin <paramref name="index"/>, or the entry's line.</summary>
    public int LineOfPlugin(int index) => index < PluginLines.Count ? PluginLines[index] : SourceLine;
}
