using Prow.Abstractions.Config.Plugins;
using Prow.Abstractions.Config.Yaml;

namespace Prow.Abstractions.Tests.Config.Plugins;

/// <summary>Writes inline YAML to a temporary plugins.yaml and loads it through <see cref="PluginsConfigLoader.Load"/>.</summary>
internal static class TempPluginsYaml
{
    public static (PluginsConfig? Config, List<ConfigDiagnostic> Diagnostics, string Path) Load(string yaml)
    {
        var path = Path.Combine(Path.GetTempPath(), $"plugins-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml.ReplaceLineEndings("\n"));
        try
        {
            var diagnostics = new List<ConfigDiagnostic>();
            var config = PluginsConfigLoader.Load(path, diagnostics);
            return (config, diagnostics, path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static IEnumerable<ConfigDiagnostic> Errors(this List<ConfigDiagnostic> diagnostics) =>
        diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>A minimal valid plugins section, so tests of other sections do not also get the "no plugins" warning.</summary>
    public const string MinimalPlugins = "plugins:\n  org:\n    plugins: [trigger]\n";
}
