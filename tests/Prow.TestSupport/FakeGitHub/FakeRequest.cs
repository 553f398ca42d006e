using System.Text.Json.Nodes;

namespace Prow.TestSupport.FakeGitHub;

/// <summary>What a route handler sees: decoded route values, query parameters, the JSON body and the Authorization header.</summary>
internal sealed class FakeRequest(string method, IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, string> query, JsonNode? body, string? authorization)
{
    public string Method { get; } = method;
    public string? Authorization { get; } = authorization;
    public JsonNode? Body { get; } = body;
    public IReadOnlyDictionary<string, string> Query { get; } = query;

    public string this[string name] => values[name];

    public int Number => int.Parse(values["number"], System.Globalization.CultureInfo.InvariantCulture);

    public string? QueryValue(string name) => Query.TryGetValue(name, out var v) ? v : null;

    public List<string> Strings(string property) =>
        Body?[property] is JsonArray array ? [.. array.Select(n => n!.GetValue<string>())] : [];

    public string? String(string property) => Body?[property] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
