using System.Text.Json.Serialization;

namespace Prow.Abstractions.PluginHelp;

/// <summary>Prow's <c>pluginhelp.Command</c>, serialised with Prow's (Go) field names.</summary>
public sealed record CommandHelp
{
    [JsonPropertyName("Usage")]
    public string Usage { get; init; } = "";

    [JsonPropertyName("Featured")]
    public bool Featured { get; init; }

    [JsonPropertyName("Description")]
    public string Description { get; init; } = "";

    [JsonPropertyName("Examples")]
    public IReadOnlyList<string>? Examples { get; init; }

    /// <summary>Who may use the command (may contain HTML).</summary>
    [JsonPropertyName("WhoCanUse")]
    public string WhoCanUse { get; init; } = "";
}
