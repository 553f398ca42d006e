using YamlDotNet.RepresentationModel;

namespace Prow.Gateway.Webhooks;

/// <summary>
/// The webhook secrets of Prow's <c>--hmac-secret-file</c>: either a single token (the whole file),
/// or a YAML mapping from <c>'*'</c>, <c>org</c> or <c>org/repo</c> to a list of
/// <c>{value, created_at}</c> tokens. The most specific entry for a repository applies
/// (org/repo, then org, then '*'); any token listed there verifies, which allows rotation.
/// </summary>
public sealed class HmacSecrets
{
    private readonly Dictionary<string, IReadOnlyList<byte[]>> _byScope;

    private HmacSecrets(Dictionary<string, IReadOnlyList<byte[]>> byScope) => _byScope = byScope;

    public const string GlobalScope = "*";

    public IReadOnlyCollection<string> Scopes => _byScope.Keys;

    /// <summary>The tokens that may sign a delivery for <paramref name="org"/>/<paramref name="repo"/> (either may be empty).</summary>
    public IReadOnlyList<byte[]> For(string? org, string? repo)
    {
        if (!string.IsNullOrEmpty(org) && !string.IsNullOrEmpty(repo) && _byScope.TryGetValue($"{org}/{repo}", out var tokens)) return tokens;
        if (!string.IsNullOrEmpty(org) && _byScope.TryGetValue(org, out tokens)) return tokens;
        return _byScope.TryGetValue(GlobalScope, out tokens) ? tokens : [];
    }

    /// <summary>Parses the file's content; throws <see cref="FormatException"/> naming the problem.</summary>
    public static HmacSecrets Parse(string content, string source)
    {
        var trimmed = content.Trim();
        if (trimmed.Length == 0) throw new FormatException($"{source}: the HMAC secret file is empty");

        YamlNode? root = null;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(content));
            root = stream.Documents.Count > 0 ? stream.Documents[0].RootNode : null;
        }
        catch (YamlDotNet.Core.YamlException)
        {
            // Not YAML: a plain token (Prow's legacy format).
        }
        if (root is not YamlMappingNode mapping)
            return new HmacSecrets(new Dictionary<string, IReadOnlyList<byte[]>> { [GlobalScope] = [System.Text.Encoding.UTF8.GetBytes(trimmed)] });

        var byScope = new Dictionary<string, IReadOnlyList<byte[]>>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var scope = ((YamlScalarNode)keyNode).Value ?? "";
            var line = keyNode.Start.Line;
            if (valueNode is not YamlSequenceNode list)
                throw new FormatException($"{source}:{line}: {scope}: expected a list of {{value, created_at}} tokens");
            var tokens = new List<byte[]>();
            foreach (var item in list.Children)
            {
                if (item is not YamlMappingNode token
                    || !token.Children.TryGetValue(new YamlScalarNode("value"), out var value)
                    || value is not YamlScalarNode { Value: { Length: > 0 } text })
                    throw new FormatException($"{source}:{item.Start.Line}: {scope}: each token needs a non-empty value");
                tokens.Add(System.Text.Encoding.UTF8.GetBytes(text));
            }
            if (tokens.Count == 0) throw new FormatException($"{source}:{line}: {scope}: no tokens listed");
            byScope[scope] = tokens;
        }
        return new HmacSecrets(byScope);
    }
}
