namespace Prow.Grains.Tests.Plugins;

/// <summary>Test classes run in parallel and each parses plugins.yaml: the loader must be safe to call concurrently.</summary>
public class ConcurrentConfigParseTests
{
    [Fact]
    public void PluginsYaml_ParsesConcurrently()
    {
        Parallel.For(0, 64, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ =>
        {
            var source = new TestConfigSource("plugins:\n  Codertocat:\n    excluded_repos: [a]\n    plugins: [hold, lgtm]\nexternal_plugins:\n  Codertocat:\n  - name: x\n");
            Assert.Equal(["hold", "lgtm"], source.Current.Plugins!.EnabledPluginsFor("Codertocat", "b"));
        });
    }
}
