using Prow.Silo.Cli;
using Prow.TestSupport;

namespace Prow.Silo.Tests.Cli;

/// <summary>checkconfig on the whole kubernetes/test-infra corpus, cross-checked against an independent count of its YAML.</summary>
public sealed class CheckConfigCorpusTests
{
    private static readonly string Root = RepoPaths.CorpusFile("kubernetes", "config");

    [Fact]
    public void KubernetesCorpus_NoErrors_CountsMatchIndependentCount()
    {
        var config = Path.Combine(Root, "prow", "config.yaml");
        var jobs = Path.Combine(Root, "jobs");
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = CheckConfigCommand.Run(
            ["--config-path", config, "--job-config-path", jobs, "--plugin-config", Path.Combine(Root, "prow", "plugins.yaml")], stdout, stderr);

        Assert.True(code == 0, stderr.ToString());
        var printed = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(": "))
            .Where(p => p.Length == 2 && int.TryParse(p[1], out _))
            .ToDictionary(p => p[0], p => int.Parse(p[1]));
        var files = Directory.EnumerateFiles(jobs, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal));
        var expected = CorpusJobCounter.Count([config, .. files]);

        Assert.Equal(expected.Presubmits, printed["presubmits"]);
        Assert.Equal(expected.Postsubmits, printed["postsubmits"]);
        Assert.Equal(expected.Periodics, printed["periodics"]);
        Assert.Equal(expected.Repos, printed["repos"]);
        // Only the registry settings file (upstream excludes it with a .prowignore the corpus lacks) warns.
        Assert.All(stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries),
            line => Assert.Contains(Path.Combine("registry", "default.yaml") + ":", line));
    }
}
