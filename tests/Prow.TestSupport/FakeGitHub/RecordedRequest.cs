namespace Prow.TestSupport.FakeGitHub;

/// <summary>One request the fake received: path without query (as sent, percent-encoding kept), the query string (with '?', or ""), the body and headers.</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string Query,
    string Body,
    IReadOnlyDictionary<string, string> Headers,
    int Status)
{
    /// <summary>When the request reached the fake (<see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>), for latency measurements.</summary>
    public long ReceivedAt { get; init; }

    /// <summary>A header's value, or null. Names are case-insensitive.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The Authorization header, e.g. "Token abc" or "Bearer eyJ...".</summary>
    public string? Authorization => Header("Authorization");

    public System.Text.Json.Nodes.JsonNode? Json => Body.Length == 0 ? null : System.Text.Json.Nodes.JsonNode.Parse(Body);

    public override string ToString() => $"{Method} {Path}{Query} -> {Status}";
}
