using System.Text.Json.Serialization;

namespace Prow.Abstractions.PluginHelp;

/// <summary>Prow's <c>pluginhelp.Help</c>: what <c>/plugin-help.js</c> serves, with Prow's (Go) field names.</summary>
public sealed record PluginHelpDocument
{
    /// <summary>Every <c>org/repo</c> that uses plugins (sorted).</summary>
    [JsonPropertyName("AllRepos")]
    public IReadOnlyList<string> AllRepos { get; init; } = [];

    /// <summary><c>org</c> or <c>org/repo</c> → plugins enabled there; the key <c>""</c> lists every plugin.</summary>
    [JsonPropertyName("RepoPlugins")]
    public IReadOnlyDictionary<string, IReadOnlyList<string>> RepoPlugins { get; init; } = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    /// <summary><c>org</c> or <c>org/repo</c> → external plugins there; the key <c>""</c> lists every external plugin.</summary>
    [JsonPropertyName("RepoExternalPlugins")]
    public IReadOnlyDictionary<string, IReadOnlyList<string>> RepoExternalPlugins { get; init; } = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    [JsonPropertyName("PluginHelp")]
    public IReadOnlyDictionary<string, PluginHelpInfo> PluginHelp { get; init; } = new SortedDictionary<string, PluginHelpInfo>(StringComparer.Ordinal);

    [JsonPropertyName("ExternalPluginHelp")]
    public IReadOnlyDictionary<string, PluginHelpInfo> ExternalPluginHelp { get; init; } = new SortedDictionary<string, PluginHelpInfo>(StringComparer.Ordinal);
}
