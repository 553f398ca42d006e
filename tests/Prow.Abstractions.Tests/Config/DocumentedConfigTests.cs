using Prow.Abstractions.Config;
using Prow.Abstractions.Config.Yaml;
using Prow.TestSupport;

namespace Prow.Abstractions.Tests.Config;

/// <summary>Prow's generated prow-config-documented.yaml lists every config.yaml field: the models must know all of them.</summary>
public sealed class DocumentedConfigTests
{
    [Fact]
    public void DocumentedConfig_BindsWithoutUnknownKeysOrTypeErrors()
    {
        var path = RepoPaths.CorpusFile("prow-reference", "prow-config-documented.yaml");
        var diagnostics = new List<ConfigDiagnostic>();

        var config = ProwConfigLoader.Read(path, null, diagnostics);

        Assert.NotNull(config);
        Assert.Empty(diagnostics.Select(d => d.ToString()));
        Assert.Equal(" ", config.ProwJobNamespace);
        Assert.NotNull(config.Plank.DefaultDecorationConfigEntries![0].Config!.GcsConfiguration);
        Assert.NotNull(config.Tide.Gerrit);
        Assert.NotNull(config.Scheduler.External);
    }
}
