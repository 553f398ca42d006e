using Prow.Abstractions.Config;
using Prow.Abstractions.Config.Yaml;
using Prow.TestSupport;
using YamlDotNet.RepresentationModel;

namespace Prow.Abstractions.Tests.Config;

/// <summary>
/// The config.yaml embedded in Prow's starter manifests (ConfigMap "config") loads cleanly once its
/// placeholders are filled in ($GITHUB_REPO must be "org/repo" for the Tide query to be valid).
/// </summary>
public sealed class StarterManifestConfigTests
{
    [Theory]
    [InlineData("starter-gcs.yaml")]
    [InlineData("starter-s3.yaml")]
    [InlineData("starter-s3-kind.yaml")]
    [InlineData("starter-azure.yaml")]
    public void EmbeddedConfig_LoadsStrictlyWithoutErrors(string manifest)
    {
        var embedded = EmbeddedConfigs(RepoPaths.CorpusFile("prow-reference", "starter-manifests", manifest)).ToList();
        Assert.NotEmpty(embedded);
        using var temp = new TempConfig(embedded[0].Replace("$GITHUB_REPO", "org/repo", StringComparison.Ordinal));

        var (config, diagnostics) = temp.Load(strict: true, jobs: "");

        Assert.NotNull(config);
        Assert.Empty(diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));
    }

    private static IEnumerable<string> EmbeddedConfigs(string manifestPath)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(manifestPath)));
        foreach (var document in stream.Documents)
        {
            if (document.RootNode is YamlMappingNode root
                && root.Children.TryGetValue(new YamlScalarNode("kind"), out var kind) && kind.ToString() == "ConfigMap"
                && root.Children.TryGetValue(new YamlScalarNode("data"), out var data) && data is YamlMappingNode values
                && values.Children.TryGetValue(new YamlScalarNode("config.yaml"), out var config))
                yield return ((YamlScalarNode)config).Value ?? "";
        }
    }
}
