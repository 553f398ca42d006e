using YamlDotNet.RepresentationModel;

namespace Prow.Abstractions.Config.Yaml;

/// <summary>
/// Expands YAML 1.1 merge keys, which Prow's YAML library (go-yaml) honours:
/// <c>&lt;&lt;: *base</c> or <c>&lt;&lt;: [*a, *b]</c> copies the keys of the referenced mappings that
/// the mapping does not set itself (earlier sources win over later ones).
/// </summary>
public static class YamlMergeKeys
{
    private static readonly YamlScalarNode MergeKey = new("<<");

    public static void Expand(YamlNode root, YamlBindContext context) => Expand(root, context, new HashSet<YamlNode>(ReferenceEqualityComparer.Instance));

    private static void Expand(YamlNode node, YamlBindContext context, HashSet<YamlNode> done)
    {
        if (!done.Add(node)) return;
        switch (node)
        {
            case YamlSequenceNode sequence:
                foreach (var child in sequence.Children) Expand(child, context, done);
                break;
            case YamlMappingNode mapping:
                foreach (var child in mapping.Children.Values) Expand(child, context, done);
                if (mapping.Children.TryGetValue(MergeKey, out var sources)) Merge(mapping, sources, context, done);
                break;
        }
    }

    private static void Merge(YamlMappingNode mapping, YamlNode sources, YamlBindContext context, HashSet<YamlNode> done)
    {
        var list = sources switch
        {
            YamlMappingNode single => [single],
            YamlSequenceNode many when many.Children.All(c => c is YamlMappingNode) => many.Children.Cast<YamlMappingNode>().ToList(),
            _ => null,
        };
        if (list is null)
        {
            context.Error(sources, "<<", "map merge requires a mapping or a list of mappings");
            return;
        }
        var merged = new List<KeyValuePair<YamlNode, YamlNode>>();
        foreach (var (key, value) in mapping.Children)
        {
            if (!key.Equals(MergeKey)) merged.Add(new(key, value));
        }
        foreach (var source in list)
        {
            Expand(source, context, done);
            foreach (var (key, value) in source.Children)
            {
                if (!key.Equals(MergeKey) && merged.All(p => !p.Key.Equals(key))) merged.Add(new(key, value));
            }
        }
        mapping.Children.Clear();
        foreach (var (key, value) in merged) mapping.Children.Add(key, value);
    }
}
