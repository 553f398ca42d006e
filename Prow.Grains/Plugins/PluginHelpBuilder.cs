using Prow.Abstractions.Config;
using Prow.Abstractions.Config.Plugins;
using Prow.Abstractions.PluginHelp;

namespace Prow.Grains.Plugins;

/// <summary>
/// Builds Prow's <c>pluginhelp.Help</c> from the catalog and the plugins configuration in force: every
/// built-in plugin's description, commands, handled events and configuration text, and where each plugin
/// and external plugin is enabled.
/// </summary>
public sealed class PluginHelpBuilder(PluginCatalog catalog, IConfigSource configSource) : IPluginHelpProvider
{
    public Task<PluginHelpDocument> GetHelpAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(Build(configSource.Current.Plugins ?? new PluginsConfig()));

    public PluginHelpDocument Build(PluginsConfig config)
    {
        var help = new SortedDictionary<string, PluginHelpInfo>(StringComparer.Ordinal);
        foreach (var plugin in catalog.All)
            help[plugin.Name] = HelpFor(plugin, config);

        var repoPlugins = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            [""] = [.. catalog.All.Select(p => p.Name)],
        };
        foreach (var (scope, plugins) in config.Plugins) repoPlugins[scope] = plugins.Plugins;

        var repoExternal = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            [""] = [.. config.ExternalPlugins.Values.SelectMany(l => l).Select(p => p.Name).Distinct().Order(StringComparer.Ordinal)],
        };
        foreach (var (scope, externals) in config.ExternalPlugins) repoExternal[scope] = [.. externals.Select(p => p.Name)];

        return new PluginHelpDocument
        {
            // Prow also expands org keys into the org's repos by listing them on GitHub; only org/repo keys are listed here.
            AllRepos = [.. config.Plugins.Keys.Concat(config.ExternalPlugins.Keys).Where(k => k.Contains('/')).Distinct().Order(StringComparer.Ordinal)],
            RepoPlugins = repoPlugins,
            RepoExternalPlugins = repoExternal,
            PluginHelp = help,
            ExternalPluginHelp = new SortedDictionary<string, PluginHelpInfo>(StringComparer.Ordinal),
        };
    }

    private static PluginHelpInfo HelpFor(IPlugin plugin, PluginsConfig config)
    {
        var events = plugin.Events.ToList();
        if (plugin.Commands.Count > 0 && !events.Contains(PluginEvents.GenericComment)) events.Add(PluginEvents.GenericComment);
        return new PluginHelpInfo
        {
            Description = plugin.Description,
            Config = plugin.DescribeConfig(config, config.EnabledReposForPlugin(plugin.Name)),
            Events = events.Count == 0 ? null : [.. events.Select(PluginEvents.HelpName)],
            Commands = plugin.Commands.Count == 0 ? null : [.. plugin.Commands.Select(c => new CommandHelp
            {
                Usage = c.UsageText,
                Featured = c.Featured,
                Description = c.Description,
                Examples = c.Examples.Count == 0 ? null : c.Examples,
                WhoCanUse = c.WhoCanUseText,
            })],
        };
    }
}
