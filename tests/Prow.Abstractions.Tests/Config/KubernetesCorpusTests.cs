using Prow.Abstractions.Config;
using Prow.Abstractions.Config.Yaml;
using Xunit.Abstractions;
using YamlDotNet.RepresentationModel;

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
        var expected = CountJobEntries([corpus.ConfigPath, .. corpus.JobFiles()]);

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

    /// <summary>
    /// Counts job entries straight from the YAML, without the loader or the models: list lengths
    /// under the mapping values of <c>presubmits:</c> and <c>postsubmits:</c>, lengths of
    /// <c>periodics:</c>, and the distinct repo keys of both mappings.
    /// </summary>
    private static (int Presubmits, int Postsubmits, int Periodics, int Repos) CountJobEntries(IEnumerable<string> files)
    {
        int presubmits = 0, postsubmits = 0, periodics = 0;
        var repos = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(File.ReadAllText(file)));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root) continue;
            foreach (var (key, value) in root.Children)
            {
                switch (((YamlScalarNode)key).Value)
                {
                    case "presubmits" when value is YamlMappingNode byRepo:
                        presubmits += CountPerRepo(byRepo, repos);
                        break;
                    case "postsubmits" when value is YamlMappingNode byRepo:
                        postsubmits += CountPerRepo(byRepo, repos);
                        break;
                    case "periodics" when value is YamlSequenceNode list:
                        periodics += list.Children.Count;
                        break;
                }
            }
        }
        return (presubmits, postsubmits, periodics, repos.Count);
    }

    private static int CountPerRepo(YamlMappingNode byRepo, HashSet<string> repos)
    {
        var count = 0;
        foreach (var (repo, jobs) in byRepo.Children)
        {
            if (jobs is not YamlSequenceNode list) continue;
            repos.Add(((YamlScalarNode)repo).Value!);
            count += list.Children.Count;
        }
        return count;
    }
}
