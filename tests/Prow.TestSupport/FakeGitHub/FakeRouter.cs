namespace Prow.TestSupport.FakeGitHub;

/// <summary>Matches "METHOD /literal/{param}/{*rest}" templates against raw (still percent-encoded) request paths.</summary>
internal sealed class FakeRouter
{
    private readonly List<(string Method, string[] Segments, Func<FakeRequest, FakeResponse> Handler)> _routes = [];

    public void Map(string method, string template, Func<FakeRequest, FakeResponse> handler) =>
        _routes.Add((method, template.Split('/', StringSplitOptions.RemoveEmptyEntries), handler));

    /// <summary>The handler and decoded route values for a request, or null when no route matches (404).</summary>
    public (Func<FakeRequest, FakeResponse> Handler, Dictionary<string, string> Values)? Match(string method, string rawPath)
    {
        var path = rawPath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        foreach (var (routeMethod, segments, handler) in _routes)
        {
            if (string.Equals(routeMethod, method, StringComparison.OrdinalIgnoreCase) && Bind(segments, path) is { } values) return (handler, values);
        }
        return null;
    }

    private static Dictionary<string, string>? Bind(string[] template, string[] path)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < template.Length; i++)
        {
            var t = template[i];
            if (t.StartsWith("{*", StringComparison.Ordinal))
            {
                // A catch-all may be followed by literal segments: /commits/{*ref}/status.
                var suffix = template[(i + 1)..];
                var end = path.Length - suffix.Length;
                if (end <= i || !suffix.SequenceEqual(path[end..], StringComparer.Ordinal)) return null;
                values[t[2..^1]] = string.Join('/', path[i..end].Select(Uri.UnescapeDataString));
                return values;
            }
            if (i >= path.Length) return null;
            if (t.StartsWith('{'))
            {
                var name = t[1..^1];
                if (name == "number" && !path[i].All(char.IsAsciiDigit)) return null;
                values[name] = Uri.UnescapeDataString(path[i]);
            }
            else if (!string.Equals(t, path[i], StringComparison.Ordinal))
            {
                return null;
            }
        }
        return template.Length == path.Length ? values : null;
    }
}
