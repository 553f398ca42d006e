using Prow.Abstractions.Config.Yaml;

namespace Prow.Abstractions.Config.Plugins;

/// <summary>Reads plugins.yaml (Prow's <c>--plugin-config</c>), applies Prow's defaults and validates it.</summary>
public static class PluginsConfigLoader
{
    /// <summary>
    /// Reads plugins.yaml, applies defaults, validates. Appends every problem to <paramref name="diagnostics"/>;
    /// returns null only if the file could not be read or parsed at all. Unknown keys are warnings with
    /// <see cref="ConfigDiagnostic.IsUnknownKey"/> set (the caller makes them errors in strict mode).
    /// </summary>
    public static PluginsConfig? Load(string path, List<ConfigDiagnostic> diagnostics)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            diagnostics.Add(ConfigDiagnostic.Error(path, 0, "(file)", $"cannot read plugin config: {ex.Message}"));
            return null;
        }
        return Parse(text, path, diagnostics);
    }

    /// <summary>As <see cref="Load"/>, from text already read; <paramref name="file"/> names it in diagnostics.</summary>
    public static PluginsConfig? Parse(string text, string file, List<ConfigDiagnostic> diagnostics)
    {
        var context = new YamlBindContext(file, diagnostics);
        var errorsBefore = diagnostics.Count;
        var root = YamlBinder.Parse(text, context);
        PluginsConfig? config;
        if (root is null)
        {
            if (diagnostics.Skip(errorsBefore).Any(d => d.Severity == DiagnosticSeverity.Error)) return null;
            config = new PluginsConfig { SourceFile = file, SourceLine = 1 }; // an empty file is an empty configuration
        }
        else
        {
            config = YamlBinder.Bind<PluginsConfig>(root, context);
            if (config is null) return null; // the root is not a mapping: reported by the binder
        }

        NullCollections.Fill(config);
        PluginsConfigDefaults.Apply(config);
        PluginsConfigValidator.Validate(config, file, diagnostics);
        PluginsConfigDefaults.ResolveClusterGroups(config.ConfigUpdater);
        PluginsConfigDefaults.ApplySize(config.Size);
        return config;
    }
}
