using Prow.Abstractions.Config;
using Prow.Abstractions.Config.Plugins;
using Prow.Abstractions.Config.Yaml;

namespace Prow.Grains.Tests.Plugins;

/// <summary>An <see cref="IConfigSource"/> whose plugins.yaml is given inline and can be swapped like a reload.</summary>
internal sealed class TestConfigSource : IConfigSource
{
    public TestConfigSource(string pluginsYaml) => Load(pluginsYaml);

    public ConfigSnapshot Current { get; private set; } = null!;

    public event Action<ConfigSnapshot>? Changed;

    public void Load(string pluginsYaml)
    {
        var diagnostics = new List<ConfigDiagnostic>();
        var plugins = PluginsConfigLoader.Parse(pluginsYaml.ReplaceLineEndings("\n"), "plugins.yaml", diagnostics);
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (plugins is null || errors.Count > 0) throw new ArgumentException("invalid plugins.yaml: " + string.Join("; ", errors.Select(e => e.ToString())));
        Current = new ConfigSnapshot(new ProwConfig(), plugins, [], DateTimeOffset.UnixEpoch) { Generation = (Current?.Generation ?? 0) + 1 };
        Changed?.Invoke(Current);
    }
}
