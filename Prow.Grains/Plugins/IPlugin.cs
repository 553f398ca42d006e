using Prow.Abstractions.Config.Plugins;

namespace Prow.Grains.Plugins;

/// <summary>
/// A built-in plugin: a stateless service named by its <c>plugins.yaml</c> key. It declares its commands as
/// data and the event types it handles; the dispatcher finds the commands in comments, checks who may use
/// them, and calls <see cref="HandleCommandsAsync"/> once per comment with what it found, and calls
/// <see cref="HandleEventAsync"/> for each event type in <see cref="Events"/>.
/// </summary>
public interface IPlugin
{
    /// <summary>The key in <c>plugins.yaml</c>, e.g. <c>hold</c>.</summary>
    string Name { get; }

    /// <summary>What the plugin does, for <c>/plugin-help.js</c> (may contain HTML).</summary>
    string Description { get; }

    IReadOnlyList<PluginCommand> Commands => [];

    /// <summary>
    /// Event types (<see cref="PluginEvents"/>: <c>pull_request</c>, <c>push</c>, ... or <see cref="PluginEvents.GenericComment"/>)
    /// for which <see cref="HandleEventAsync"/> is called. Commands need no entry here.
    /// </summary>
    IReadOnlyList<string> Events => [];

    /// <summary>Called with the commands found in newly created text (never empty), after permission checks.</summary>
    Task HandleCommandsAsync(PluginContext context, IReadOnlyList<CommandMatch> commands, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Called for each event whose type is in <see cref="Events"/>.</summary>
    Task HandleEventAsync(PluginContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Describes the plugin's configuration for help: <c>org/repo</c> (or <c>""</c> for all) → text, or null
    /// when the plugin has no configuration. <paramref name="enabledIn"/> lists the orgs and repos that enable it.
    /// </summary>
    IReadOnlyDictionary<string, string>? DescribeConfig(PluginsConfig config, IReadOnlyList<string> enabledIn) => null;
}
