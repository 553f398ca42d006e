using Prow.Abstractions.Config;
using Prow.Abstractions.Config.Yaml;
using Xunit.Abstractions;
using Prow.TestSupport;

namespace Prow.Abstractions.Tests.Config;

/// <summary>
/// Loads the whole kubernetes/test-infra corpus (config.yaml and every job file). The corpus lacks
/// upstream's one <c>.prowignore</c>; <see cref="KubernetesCorpusFixture"/> restores it in a copy.
/// </summary>
public sealed class KubernetesCorpusTests(KubernetesCorpusFixture corpus, ITestOutputHelper output) : IClassFixture<KubernetesCorpusFixture>
{
    [Fact]
    public void WholeCorpus_LoadsWithoutErrorsEvenStrict()
    {
        var (config, diagnostics, elapsed) = corpus.Strict.Value;
        output.WriteLine($"loaded in {elapsed.TotalMilliseconds:0} ms");
        foreach (var d in diagnostics.Take(100)) output.WriteLine($"{d.Severity} {d}");

        Assert.NotNull(config);
        Assert.Empty(diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));
        Assert.Empty(diagnostics.Where(d => d.IsUnknownKey).Select(d => d.ToString()));
    }

    [Fact]
    public void WholeCorpus_JobCountsMatchAnIndependentCountOfTheYaml()
    {
        var expected = CorpusJobCounter.Count([corpus.ConfigPath, .. corpus.JobFiles()]);

        var config = corpus.Strict.Value.Config;

        Assert.NotNull(config);
        var actual = (config.AllPresubmits().Count(), config.AllPostsubmits().Count(), config.Periodics.Count, config.Repos.Count);
        output.WriteLine($"presubmits {actual.Item1}, postsubmits {actual.Item2}, periodics {actual.Item3}, repos {actual.Item4}");
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void CorpusWithoutProwIgnore_ReportsTheRegistryFileAsUnknownKeys()
    {
        var diagnostics = new List<ConfigDiagnostic>();

        ProwConfigLoader.Load(corpus.ConfigPath, corpus.SourceJobsPath, diagnostics);

        var unknown = diagnostics.Where(d => d.IsUnknownKey).ToList();
        Assert.NotEmpty(unknown);
        Assert.All(unknown, d => Assert.EndsWith(Path.Combine("registry", "default.yaml"), d.File));
        Assert.All(unknown, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
    }
}
