using System.Diagnostics;
using Prow.Abstractions.Config;
using Prow.Abstractions.Config.Yaml;
using Prow.TestSupport;

namespace Prow.Abstractions.Tests.Config;

/// <summary>
/// A temporary copy of the corpus' job tree with upstream's one missing <c>.prowignore</c>
/// restored: kubernetes/test-infra has config/jobs/kubernetes/sig-cloud-provider/gcp/registry/.prowignore
/// containing "default.yaml" (that file holds image registry settings, not jobs), but the corpus
/// copied YAML files only.
/// </summary>
public sealed class KubernetesCorpusFixture : IDisposable
{
    public const string MissingProwIgnoreDirectory = "kubernetes/sig-cloud-provider/gcp/registry";
    public const string MissingProwIgnoreContent = "default.yaml\n";

    private readonly string _root;

    public KubernetesCorpusFixture()
    {
        ConfigPath = RepoPaths.CorpusFile("kubernetes", "config", "prow", "config.yaml");
        SourceJobsPath = RepoPaths.CorpusFile("kubernetes", "config", "jobs");
        _root = Path.Combine(Path.GetTempPath(), "prow-corpus-" + Guid.NewGuid().ToString("N"));
        JobsPath = Path.Combine(_root, "jobs");
        foreach (var file in Directory.EnumerateFiles(SourceJobsPath, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(JobsPath, Path.GetRelativePath(SourceJobsPath, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        var ignoreDirectory = Path.Combine(JobsPath, MissingProwIgnoreDirectory);
        if (Directory.Exists(ignoreDirectory) && !File.Exists(Path.Combine(ignoreDirectory, ".prowignore")))
            File.WriteAllText(Path.Combine(ignoreDirectory, ".prowignore"), MissingProwIgnoreContent);
    }

    public string ConfigPath { get; }

    /// <summary>The corpus loaded once, strictly (shared by the tests of the class).</summary>
    public Lazy<(ProwConfig? Config, List<ConfigDiagnostic> Diagnostics, TimeSpan Elapsed)> Strict => _strict ??= new(() =>
    {
        var diagnostics = new List<ConfigDiagnostic>();
        var stopwatch = Stopwatch.StartNew();
        var config = ProwConfigLoader.Load(ConfigPath, JobsPath, diagnostics, new ProwConfigLoadOptions { Strict = true });
        return (config, diagnostics, stopwatch.Elapsed);
    });

    private Lazy<(ProwConfig?, List<ConfigDiagnostic>, TimeSpan)>? _strict;

    /// <summary>The corpus' own job tree (read-only).</summary>
    public string SourceJobsPath { get; }

    /// <summary>The copy with .prowignore restored.</summary>
    public string JobsPath { get; }

    /// <summary>Every *.yaml / *.yml file of the corpus job tree.</summary>
    public IEnumerable<string> JobFiles() =>
        Directory.EnumerateFiles(SourceJobsPath, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal));

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { /* best effort */ }
    }
}
