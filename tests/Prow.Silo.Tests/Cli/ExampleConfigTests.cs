using Prow.Abstractions.Config;
using Prow.TestSupport;

namespace Prow.Silo.Tests.Cli;

/// <summary>The quick start's configuration (examples/) must load cleanly, or `dotnet run --project Prow.Silo` refuses to start.</summary>
public sealed class ExampleConfigTests
{
    [Fact]
    public void Examples_LoadStrictlyWithoutAnyDiagnostic()
    {
        var examples = Path.Combine(RepoPaths.RepoRoot, "examples");
        var paths = new ConfigPaths(Path.Combine(examples, "config.yaml"), Path.Combine(examples, "jobs"), Path.Combine(examples, "plugins.yaml"));

        var result = ConfigLoader.Load(paths, strict: true, DateTimeOffset.UtcNow);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(2, result.Snapshot!.Config.AllPresubmits().Count());
        Assert.Equal(["example-org/example-repo"], result.Snapshot.Config.Repos);
    }
}
