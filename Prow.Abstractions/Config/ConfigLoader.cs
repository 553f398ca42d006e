using Prow.Abstractions.Config.Plugins;
using Prow.Abstractions.Config.Yaml;

namespace Prow.Abstractions.Config;

/// <summary>
/// Loads config.yaml, the job configs and plugins.yaml together and decides whether the result is
/// usable: any error rejects it; with <c>strict</c>, unknown keys are errors too.
/// </summary>
public static class ConfigLoader
{
    public static ConfigLoadResult Load(ConfigPaths paths, bool strict, DateTimeOffset now)
    {
        var diagnostics = new List<ConfigDiagnostic>();
        RequireExists(paths.ConfigPath, "--config-path", diagnostics, mustBeFile: true);
        if (!string.IsNullOrEmpty(paths.JobConfigPath)) RequireExists(paths.JobConfigPath, "--job-config-path", diagnostics, mustBeFile: false);
        if (!string.IsNullOrEmpty(paths.PluginConfigPath)) RequireExists(paths.PluginConfigPath, "--plugin-config", diagnostics, mustBeFile: true);
        if (diagnostics.Count > 0) return new ConfigLoadResult(null, diagnostics);

        var config = ProwConfigLoader.Load(paths.ConfigPath, paths.JobConfigPath, diagnostics);
        var plugins = string.IsNullOrEmpty(paths.PluginConfigPath) ? null : PluginsConfigLoader.Load(paths.PluginConfigPath, diagnostics);

        if (strict)
        {
            for (var i = 0; i < diagnostics.Count; i++)
            {
                if (diagnostics[i].IsUnknownKey && diagnostics[i].Severity == DiagnosticSeverity.Warning)
                    diagnostics[i] = diagnostics[i] with { Severity = DiagnosticSeverity.Error };
            }
        }

        var failed = config is null
            || (!string.IsNullOrEmpty(paths.PluginConfigPath) && plugins is null)
            || diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
        if (failed) return new ConfigLoadResult(null, diagnostics);

        var warnings = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).ToList();
        return new ConfigLoadResult(new ConfigSnapshot(config!, plugins, warnings, now), diagnostics);
    }

    private static void RequireExists(string path, string flag, List<ConfigDiagnostic> diagnostics, bool mustBeFile)
    {
        var ok = mustBeFile ? File.Exists(path) : File.Exists(path) || Directory.Exists(path);
        if (!ok)
            diagnostics.Add(ConfigDiagnostic.Error(path, 0, flag, Directory.Exists(path) ? "is a directory, expected a file" : "file not found"));
    }
}
