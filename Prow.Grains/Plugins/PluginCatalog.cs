namespace Prow.Grains.Plugins;

/// <summary>The built-in plugins, registered explicitly (no scanning), looked up by their <c>plugins.yaml</c> name.</summary>
public sealed class PluginCatalog
{
    private readonly Dictionary<string, IPlugin> _byName = new(StringComparer.Ordinal);

    public PluginCatalog(IEnumerable<IPlugin> plugins)
    {
        foreach (var plugin in plugins)
        {
            if (!_byName.TryAdd(plugin.Name, plugin))
                throw new ArgumentException($"two plugins are named {plugin.Name}", nameof(plugins));
        }
    }

    /// <summary>Every plugin, ordered by name.</summary>
    public IReadOnlyList<IPlugin> All => [.. _byName.Values.OrderBy(p => p.Name, StringComparer.Ordinal)];

    public IPlugin? Find(string name) => _byName.GetValueOrDefault(name);
}
