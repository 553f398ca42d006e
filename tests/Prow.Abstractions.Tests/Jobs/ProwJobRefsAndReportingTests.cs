using Prow.Abstractions.Config.Jobs;
using Prow.Abstractions.Jobs;
using Prow.Abstractions.Jobs.Serialization;
using Prow.TestSupport;
using Cfg = Prow.Abstractions.Config.Jobs;
using JobRefs = Prow.Abstractions.Jobs.Refs;

namespace Prow.Abstractions.Tests.Jobs;

public sealed class ProwJobRefsAndReportingTests
{
    [Fact]
    public void CompletePrimaryRefs_TakesCloneSettingsFromTheJobAndDecoration()
    {
        var job = new Presubmit
        {
            PathAlias = "k8s.io/test-infra",
            CloneUri = "git@github.com:kubernetes/test-infra.git",
            SkipSubmodules = true,
            CloneDepth = 5,
            SkipFetchHead = true,
            DecorationConfig = new Cfg.DecorationConfig { BloblessFetch = true, SparseCheckoutFiles = ["Makefile"] },
        };
        var input = new JobRefs { Org = "kubernetes", Repo = "test-infra" };

        var refs = ProwJobFactory.CompletePrimaryRefs(input, job);

        Assert.Equal(("k8s.io/test-infra", "git@github.com:kubernetes/test-infra.git", true, 5, true), (refs.PathAlias, refs.CloneUri, refs.SkipSubmodules, refs.CloneDepth, refs.SkipFetchHead));
        Assert.True(refs.BloblessFetch);
        Assert.Equal(["Makefile"], refs.SparseCheckoutFiles!);
        Assert.Equal("", input.PathAlias);
    }

    [Fact]
    public void CompletePrimaryRefs_KeepsTheRefsOwnBloblessFetch()
    {
        var job = new Presubmit { DecorationConfig = new Cfg.DecorationConfig { BloblessFetch = true } };

        var refs = ProwJobFactory.CompletePrimaryRefs(new JobRefs { BloblessFetch = false }, job);

        Assert.False(refs.BloblessFetch);
    }

    public static TheoryData<string, List<string>?, bool?, bool?> ReportDefaultCases => new()
    {
        { "states unset: report", null, null, true },
        { "states empty: do not report", [], null, false },
        { "states listed: report", ["failure"], null, true },
        { "explicit false wins", ["failure"], false, false },
        { "explicit true wins", [], true, true },
    };

    [Theory]
    [MemberData(nameof(ReportDefaultCases))]
    public void SlackReport_DefaultsFromJobStatesToReport(string scenario, List<string>? states, bool? report, bool? expected)
    {
        var job = new Periodic
        {
            Name = "ci",
            ReporterConfig = new Cfg.ReporterConfig { Slack = new Cfg.SlackReporterConfig { Channel = "c", JobStatesToReport = states, Report = report } },
        };

        var prowJob = new ProwJobFactory(TimeProvider.System).NewPeriodic(job);

        Assert.True(expected == prowJob.Spec.ReporterConfig!.Slack!.Report, scenario);
    }

    public static TheoryData<string, ProwJobType, JobRefs?> GoldenPodCases => new()
    {
        { "TestProwJobToPod_0.yaml", ProwJobType.Presubmit, new JobRefs { Org = "org-name", Repo = "repo-name", BaseRef = "base-ref", BaseSha = "base-sha", Pulls = [new() { Number = 1, Author = "author-name", Sha = "pull-sha" }] } },
        { "TestProwJobToPod_5.yaml", ProwJobType.Periodic, null },
    };

    [Theory]
    [MemberData(nameof(GoldenPodCases))]
    public void WorkloadLabels_MatchProwsGoldenPods(string golden, ProwJobType type, JobRefs? refs)
    {
        var pod = YamlJsonBridge.FromYaml(File.ReadAllText(RepoPaths.CorpusFile("prow-reference", "decorate-golden", "testdata", golden)))!;
        var job = new ProwJob
        {
            Metadata = { Name = "pod", Labels = new() { ["needstobe"] = "inherited" } },
            Spec = { Type = type, Job = "job-name", Context = "job-context", Refs = refs },
            Status = { BuildId = "blabla" },
        };

        var (labels, annotations) = ProwJobLabels.ForWorkload(job);

        Assert.Equal(pod["metadata"]!["labels"]!.AsObject().ToDictionary(p => p.Key, p => (string)p.Value!), labels);
        Assert.Equal(pod["metadata"]!["annotations"]!.AsObject().ToDictionary(p => p.Key, p => (string)p.Value!), annotations);
    }
}
