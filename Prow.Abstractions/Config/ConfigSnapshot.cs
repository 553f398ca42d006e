using Prow.Abstractions.Config.Plugins;
using Prow.Abstractions.Config.Yaml;

namespace Prow.Abstractions.Config;

/// <summary>
/// One validated, immutable generation of the configuration. Readers hold on to a snapshot for the
/// duration of a piece of work; a reload swaps in a new snapshot atomically.
/// </summary>
public sealed class ConfigSnapshot(ProwConfig config, PluginsConfig? plugins, IReadOnlyList<ConfigDiagnostic> warnings, DateTimeOffset loadedAt)
{
    public ProwConfig Config { get; } = config;

    /// <summary>plugins.yaml, or null when no --plugin-config was given.</summary>
    public PluginsConfig? Plugins { get; } = plugins;

    /// <summary>Problems that did not reject the configuration (unknown keys without --strict).</summary>
    public IReadOnlyList<ConfigDiagnostic> Warnings { get; } = warnings;

    public DateTimeOffset LoadedAt { get; } = loadedAt;

    /// <summary>Increases by one with every successful reload (1 for the first load).</summary>
    public long Generation { get; init; } = 1;
}
