using Prow.Silo.Adapters.Kubernetes.Decoration;

namespace Prow.Silo.Tests.Adapters.Kubernetes.Decoration;

/// <summary>Our decoration against Prow's golden pods, one case per golden file.</summary>
public sealed class DecorationGoldenTests
{
    public static TheoryData<string> Cases => new(DecorationGoldenCases.Names);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Build_MatchesProwGoldenFile(string name)
    {
        var ours = DecorationGoldenCases.Serialize(DecorationGoldenCases.Build(name));

        var differences = GoldenComparer.Differences(DecorationGoldenCases.Golden(name), ours, DecorationGoldenCases.Shape(name));

        Assert.True(differences.Count == 0, $"{name} differs from Prow's golden file:\n" + string.Join("\n", differences));
    }

    [Fact]
    public void Cases_CoverEveryGoldenFile()
    {
        var files = Directory.EnumerateFiles(DecorationGoldenCases.GoldenDirectory, "*.yaml")
            .Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);

        Assert.Equal(files, DecorationGoldenCases.Names.Order(StringComparer.Ordinal));
    }
}
