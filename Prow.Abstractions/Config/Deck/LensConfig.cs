using System.Text.Json.Nodes;

namespace Prow.Abstractions.Config.Deck;

/// <summary>A lens by name, with its own configuration (raw JSON, interpreted by the lens).</summary>
public sealed class LensConfig
{
    public string Name { get; set; } = "";
    public JsonNode? Config { get; set; }
}
