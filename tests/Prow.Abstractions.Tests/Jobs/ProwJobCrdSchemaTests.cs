using System.Text.Json.Nodes;
using Prow.Abstractions.Jobs;
using Prow.Abstractions.Jobs.Serialization;
using Prow.TestSupport;

namespace Prow.Abstractions.Tests.Jobs;

/// <summary>The model against Prow's ProwJob CRD (prow.k8s.io/v1) from the shared corpus.</summary>
public sealed class ProwJobCrdSchemaTests
{
    private static readonly Lazy<JsonObject> Schema = new(() =>
        CrdSchemaWalker.Schema(YamlJsonBridge.FromYaml(File.ReadAllText(RepoPaths.CorpusFile("prow-reference", "prowjob_customresourcedefinition.yaml")))!));

    /// <summary>Model fields that the current CRD no longer has, on purpose.</summary>
    private static readonly string[] ModelOnly = ["spec.build_spec"];

    [Fact]
    public void CrdTopLevel_IsModelled()
    {
        var walk = CrdSchemaWalker.Walk(Schema.Value, typeof(ProwJob), "");

        Assert.Equal(["apiVersion", "kind", "metadata", "spec", "status"], walk.Where(w => !w.Path.Contains('.')).Select(w => w.Path).Order());
    }

    public static TheoryData<string, Type> Sections => new() { { "spec", typeof(ProwJobSpec) }, { "status", typeof(ProwJobStatus) } };

    [Theory]
    [MemberData(nameof(Sections))]
    public void CrdProperties_AreAllKnownToTheModel(string section, Type model)
    {
        var missing = CrdSchemaWalker.Walk(Schema.Value["properties"]![section]!, model, section)
            .Where(w => w.Property is null).Select(w => w.Path).ToList();

        Assert.Empty(missing);
    }

    [Theory]
    [MemberData(nameof(Sections))]
    public void ModelProperties_AreAllInTheCrd(string section, Type model)
    {
        var crdNames = Schema.Value["properties"]![section]!["properties"]!.AsObject().Select(p => $"{section}.{p.Key}").ToHashSet();

        var extra = CrdSchemaWalker.JsonNames(model).Select(n => $"{section}.{n}").Where(p => !crdNames.Contains(p)).Except(ModelOnly);

        Assert.Empty(extra);
    }

    [Fact]
    public void CrdStateEnum_MatchesTheModel()
    {
        var states = Schema.Value["properties"]!["status"]!["properties"]!["state"]!["enum"]!.AsArray().Select(s => (string)s!).ToList();

        Assert.Equal(states, Enum.GetValues<ProwJobState>().Select(s => System.Text.Json.JsonSerializer.Serialize(s, ProwJobJson.Options).Trim('"')));
    }

    [Fact]
    public void Fixtures_TogetherSetEveryModelledCrdField()
    {
        var seen = new HashSet<string>();
        foreach (var name in JobFixtures.Names) CrdSchemaWalker.Paths(JobFixtures.Node(name), "", seen);

        var crd = CrdSchemaWalker.Walk(Schema.Value, typeof(ProwJob), "")
            .Where(w => w.Property is not null && (w.Path.StartsWith("spec.", StringComparison.Ordinal) || w.Path.StartsWith("status.", StringComparison.Ordinal)))
            .ToList();
        // A field of a shared type (Refs under refs and extra_refs) counts once it is set anywhere.
        var setFields = crd.Where(w => seen.Contains(w.Path)).Select(w => w.Property).ToHashSet();

        var unset = crd.Where(w => !setFields.Contains(w.Property)).Select(w => w.Path).ToList();

        Assert.True(crd.Count > 100, $"the walk should descend into the modelled sub-objects, saw {crd.Count} fields");
        Assert.Empty(unset);
    }
}
