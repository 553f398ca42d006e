using Prow.Abstractions.Config;
using Prow.Abstractions.Config.Yaml;

namespace Prow.Abstractions.Tests.Config;

/// <summary>A config.yaml and job files written to a temporary directory, loaded with relative paths.</summary>
public sealed class TempConfig : IDisposable
{
    public const string DecoratedPlank = """
        plank:
          default_decoration_config_entries:
          - config:
              utility_images: {clonerefs: c, initupload: i, entrypoint: e, sidecar: s}
              gcs_configuration: {bucket: b, path_strategy: explicit}
              timeout: 2h
        """;

    public TempConfig(string configYaml = "", params (string Path, string Yaml)[] jobFiles)
    {
        Root = Path.Combine(Path.GetTempPath(), "prow-config-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(Root, "jobs"));
        File.WriteAllText(Path.Combine(Root, "config.yaml"), configYaml);
        foreach (var (path, yaml) in jobFiles) Write(Path.Combine("jobs", path), yaml);
    }

    public string Root { get; }

    /// <summary>Writes a file under the root (relative path with '/').</summary>
    public void Write(string relativePath, string text)
    {
        var full = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    /// <summary>Loads config.yaml and the jobs directory using paths relative to <see cref="Root"/>, as a user would pass them.</summary>
    public (ProwConfig? Config, List<ConfigDiagnostic> Diagnostics) Load(bool strict = false, string jobs = "jobs")
    {
        var diagnostics = new List<ConfigDiagnostic>();
        var config = ProwConfigLoader.Load(Full("config.yaml"), jobs.Length == 0 ? null : Full(jobs), diagnostics, new ProwConfigLoadOptions { Strict = strict });
        return (config, diagnostics.Select(d => d with { File = Relative(d.File) }).ToList());
    }

    public static List<ConfigDiagnostic> Errors(List<ConfigDiagnostic> diagnostics) =>
        diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

    private string Full(string relative) => Path.Combine(Root, relative);

    private string Relative(string path) =>
        path.StartsWith(Root, StringComparison.Ordinal) ? Path.GetRelativePath(Root, path).Replace('\\', '/') : path;

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { /* best effort */ }
    }
}
