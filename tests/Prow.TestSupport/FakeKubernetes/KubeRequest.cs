using System.Text.Json.Nodes;

namespace Prow.TestSupport.FakeKubernetes;

/// <summary>One request the fake API server received: the path without query, the query (with '?', or ""), the body and the status answered.</summary>
public sealed record KubeRequest(string Method, string Path, string Query, string Body, int Status)
{
    public JsonNode? Json => Body.Length == 0 ? null : JsonNode.Parse(Body);

    /// <summary>A query parameter's (decoded) value, or null.</summary>
    public string? QueryValue(string name) => FakeKubernetesServer.ParseQuery(Query).GetValueOrDefault(name);

    public bool IsWatch => QueryValue("watch") is "true" or "1";

    public override string ToString() => $"{Method} {Path}{Query} -> {Status}";
}
