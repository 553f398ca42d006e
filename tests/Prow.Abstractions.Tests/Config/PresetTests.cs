using System.Text.Json.Nodes;
using Prow.Abstractions.Config;

namespace Prow.Abstractions.Tests.Config;

public sealed class PresetTests
{
    private const string Presets = """
        presets:
        - labels: {preset-creds: "true"}
          env: [{name: CREDS, value: /etc/creds}]
          volumes: [{name: creds, secret: {secretName: creds}}]
          volumeMounts: [{name: creds, mountPath: /etc/creds, readOnly: true}]
        - labels: {preset-gpu: "true"}
          tolerations: [{key: gpu, operator: Exists}]
        - env: [{name: GOPROXY, value: https://proxy.golang.org}]
        """;

    [Fact]
    public void MatchingLabels_MergeEnvVolumesAndMountsIntoEveryContainer()
    {
        using var temp = new TempConfig(Presets, ("jobs.yaml", """
            periodics:
            - name: p
              interval: 1h
              decorate: true
              labels: {preset-creds: "true", preset-gpu: "true"}
              spec:
                containers:
                - {name: a, image: x, command: [run], env: [{name: OWN, value: "1"}]}
                - {name: b, image: y, command: [run]}
            """));
        File.AppendAllText(Path.Combine(temp.Root, "config.yaml"), "\n" + TempConfig.DecoratedPlank);

        var (config, diagnostics) = temp.Load();

        Assert.Empty(TempConfig.Errors(diagnostics));
        var spec = config!.Periodics[0].Spec!;
        var containers = spec["containers"]!.AsArray();
        Assert.Equal(["OWN", "CREDS", "GOPROXY"], Names(containers[0]!["env"]));
        Assert.Equal(["CREDS", "GOPROXY"], Names(containers[1]!["env"]));
        Assert.All(containers, c => Assert.Equal(["creds"], Names(c!["volumeMounts"])));
        Assert.Equal(["creds"], Names(spec["volumes"]));
        Assert.Equal("gpu", spec["tolerations"]![0]!["key"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("no labels", "")]
    [InlineData("other value", "labels: {preset-creds: \"false\"}")]
    [InlineData("other label", "labels: {preset-other: \"true\"}")]
    public void NonMatchingLabels_LeaveTheSpecAlone(string scenario, string labels)
    {
        using var temp = new TempConfig(Presets, ("jobs.yaml", $"periodics:\n- name: p\n  interval: 1h\n  {labels}\n  spec: {{containers: [{{image: x}}]}}\n"));

        var (config, diagnostics) = temp.Load();

        Assert.True(TempConfig.Errors(diagnostics).Count == 0, scenario);
        var container = config!.Periodics[0].Spec!["containers"]![0]!;
        Assert.Equal(["GOPROXY"], Names(container["env"]));
        Assert.Null(container["volumeMounts"]);
        Assert.Null(config.Periodics[0].Spec!["volumes"]);
    }

    public static TheoryData<string, string, string> Conflicts => new()
    {
        { "env", "env: [{name: CREDS, value: mine}]", "env var duplicated in pod spec: CREDS" },
        { "volume mount", "volumeMounts: [{name: creds, mountPath: /x}]", "volume mount duplicated in pod spec: creds" },
    };

    [Theory]
    [MemberData(nameof(Conflicts))]
    public void DuplicateNames_AreAnErrorOnTheJob(string scenario, string containerExtra, string problem)
    {
        using var temp = new TempConfig(Presets, ("jobs.yaml", $$$"""
            presubmits:
              org/repo:
              - name: job
                labels: {preset-creds: "true"}
                spec:
                  volumes: [{name: other, emptyDir: {}}]
                  containers: [{image: x, {{{containerExtra}}}}]
            """));

        var (_, diagnostics) = temp.Load();

        var error = Assert.Single(TempConfig.Errors(diagnostics), d => d.Problem.Contains("failed to merge presets", StringComparison.Ordinal));
        Assert.True(error.Problem.Contains(problem, StringComparison.Ordinal), scenario + ": " + error);
        Assert.Equal("jobs/jobs.yaml", error.File);
        Assert.Equal("presubmits.org/repo[0].spec", error.Key);
        Assert.Equal(5, error.Line);
    }

    [Fact]
    public void VolumeAlreadyInSpec_IsAConflict()
    {
        using var temp = new TempConfig(Presets, ("jobs.yaml", """
            periodics:
            - name: p
              interval: 1h
              labels: {preset-creds: "true"}
              spec: {volumes: [{name: creds, emptyDir: {}}], containers: [{image: x}]}
            """));

        var (_, diagnostics) = temp.Load();

        Assert.Contains(TempConfig.Errors(diagnostics), d => d.Problem.Contains("volume duplicated in pod spec: creds", StringComparison.Ordinal));
    }

    [Fact]
    public void SameLabelPairInTwoPresets_IsAnError()
    {
        using var temp = new TempConfig(Presets, ("presets.yaml", "presets:\n- labels: {preset-gpu: \"true\"}\n  env: [{name: X, value: y}]\n"));

        var (_, diagnostics) = temp.Load();

        var error = Assert.Single(TempConfig.Errors(diagnostics));
        Assert.Equal("jobs/presets.yaml", error.File);
        Assert.Equal(2, error.Line);
        Assert.Equal("presets[0].labels", error.Key);
        Assert.Contains("duplicated preset 'label:value' pair: preset-gpu:true", error.Problem, StringComparison.Ordinal);
    }

    private static string[] Names(JsonNode? list) =>
        list!.AsArray().Select(n => n!["name"]!.GetValue<string>()).ToArray();
}
