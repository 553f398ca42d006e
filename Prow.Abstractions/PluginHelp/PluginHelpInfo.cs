using System.Text.Json.Serialization;

namespace Prow.Abstractions.PluginHelp;

/// <summary>Prow's <c>pluginhelp.PluginHelp</c>: one plugin's help, with Prow's (Go) field names; empty lists are null as in Go.</summary>
public sealed record PluginHelpInfo
{
    [JsonPropertyName("Description")]
    public string Description { get; init; } = "";

    /// <summary><c>org/repo</c> (or <c>""</c> for all repos) → configuration description; null when not configurable.</summary>
    [JsonPropertyName("Config")]
    public IReadOnlyDictionary<string, string>? Config { get; init; }

    [JsonPropertyName("Snippet")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public string? Snippet { get; init; }

    /// <summary>The events the plugin handles, with Prow's names (<c>issue</c>, <c>pull_request</c>, <c>GenericCommentEvent (any event for user text)</c>).</summary>
    [JsonPropertyName("Events")]
    public IReadOnlyList<string>? Events { get; init; }

    [JsonPropertyName("Commands")]
    public IReadOnlyList<CommandHelp>? Commands { get; init; }
}
