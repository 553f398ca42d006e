using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Prow.Abstractions.Config.Jobs;
using Prow.Abstractions.Jobs;
using Cfg = Prow.Abstractions.Config.Jobs;
using JobRefs = Prow.Abstractions.Jobs.Refs;
using JobPull = Prow.Abstractions.Jobs.Pull;

namespace Prow.Abstractions.Tests.Jobs;

public sealed class ProwJobFactoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid Id = Guid.Parse("4c9f1b7e-2a3d-4e5f-8a6b-7c8d9e0f1a2b");

    private static ProwJobFactory Factory() => new(new FakeTimeProvider(Now), () => Id);

    private static JobRefs PrRefs() => new()
    {
        Org = "kubernetes",
        Repo = "test-infra",
        BaseRef = "master",
        BaseSha = "abc",
        Pulls = [new JobPull { Number = 123, Author = "octocat", Sha = "def" }],
    };

    private static Presubmit Presubmit() => new()
    {
        Name = "pull-test-infra-unit",
        Context = "pull-test-infra-unit",
        RerunCommand = "/test pull-test-infra-unit",
        Agent = "kubernetes",
        Cluster = "default",
        Namespace = "test-pods",
        MaxConcurrency = 2,
        JobQueueName = "unit",
        Labels = new() { ["preset-dind"] = "true" },
        Annotations = new() { ["testgrid-dashboards"] = "sig-testing" },
        Spec = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["image"] = "golang" }) },
    };

    [Fact]
    public void NewPresubmit_SetsNameTimesStateLabelsAndAnnotationsAsProw()
    {
        var job = Factory().NewPresubmit(Presubmit(), PrRefs(), "guid-1");

        Assert.Equal("4c9f1b7e-2a3d-4e5f-8a6b-7c8d9e0f1a2b", job.Name);
        Assert.Equal("prow.k8s.io/v1", job.ApiVersion);
        Assert.Equal("ProwJob", job.Kind);
        Assert.Equal(Now, job.Status.StartTime);
        Assert.Equal(Now, job.Metadata.CreationTimestamp);
        Assert.Equal(ProwJobState.Triggered, job.Status.State);
        Assert.Equal(new Dictionary<string, string>
        {
            ["created-by-prow"] = "true",
            ["prow.k8s.io/type"] = "presubmit",
            ["prow.k8s.io/job"] = "pull-test-infra-unit",
            ["prow.k8s.io/context"] = "pull-test-infra-unit",
            ["prow.k8s.io/refs.org"] = "kubernetes",
            ["prow.k8s.io/refs.repo"] = "test-infra",
            ["prow.k8s.io/refs.base_ref"] = "master",
            ["prow.k8s.io/refs.pull"] = "123",
            ["preset-dind"] = "true",
            ["event-GUID"] = "guid-1",
            ["prow.k8s.io/is-optional"] = "false",
        }, job.Metadata.Labels);
        Assert.Equal(new Dictionary<string, string>
        {
            ["prow.k8s.io/job"] = "pull-test-infra-unit",
            ["prow.k8s.io/context"] = "pull-test-infra-unit",
            ["testgrid-dashboards"] = "sig-testing",
        }, job.Metadata.Annotations);
    }

    [Fact]
    public void NewPresubmit_CopiesSpecFieldsAndDoesNotShareThePodSpec()
    {
        var config = Presubmit();
        var job = Factory().NewPresubmit(config, PrRefs(), "guid-1");

        var spec = job.Spec;
        Assert.Equal((ProwJobType.Presubmit, "kubernetes", "default", "test-pods", "pull-test-infra-unit"), (spec.Type!.Value, spec.Agent, spec.Cluster, spec.Namespace, spec.Job));
        Assert.Equal(("pull-test-infra-unit", "/test pull-test-infra-unit", true, 2, "unit"), (spec.Context, spec.RerunCommand, spec.Report, spec.MaxConcurrency, spec.JobQueueName));
        Assert.Equal("golang", spec.PodSpec!["containers"]![0]!["image"]!.GetValue<string>());

        spec.PodSpec["changed"] = true;
        Assert.False(config.Spec!.ContainsKey("changed"));
    }

    [Fact]
    public void RequireScheduling_StartsInSchedulingState()
    {
        Assert.Equal(ProwJobState.Scheduling, Factory().NewPeriodic(new Periodic { Name = "ci" }, requireScheduling: true).Status.State);
    }

    [Fact]
    public void DefaultIdGenerator_GivesDistinctUuids()
    {
        var factory = new ProwJobFactory(new FakeTimeProvider(Now));
        var a = factory.NewPeriodic(new Periodic { Name = "ci" }).Name;
        var b = factory.NewPeriodic(new Periodic { Name = "ci" }).Name;

        Assert.NotEqual(a, b);
        Assert.True(Guid.TryParseExact(a, "D", out _));
    }

    public static TheoryData<string, string, string> TruncationCases => new()
    {
        { "short name is kept", "pull-kubernetes-unit", "pull-kubernetes-unit" },
        { "exactly 63 characters is kept", new string('a', 63), new string('a', 63) },
        { "longer name is cut at 63", new string('a', 70), new string('a', 63) },
        { "cut ending in separators loses them", new string('a', 60) + "-._-zzz", new string('a', 60) },
    };

    [Theory]
    [MemberData(nameof(TruncationCases))]
    public void JobNameLabel_IsTruncatedAndAnnotationKeepsFullName(string scenario, string name, string label)
    {
        var job = Factory().NewPeriodic(new Periodic { Name = name });

        Assert.True(label == job.Metadata.Labels!["prow.k8s.io/job"], scenario);
        Assert.Equal(name, job.Metadata.Annotations!["prow.k8s.io/job"]);
    }

    public static TheoryData<string, string, string?> SanitisingCases => new()
    {
        { "valid value is kept", "release-1.30", "release-1.30" },
        { "path keeps its last element", "release/v1.30", "v1.30" },
        { "trailing slash is ignored", "feature/x/", "x" },
        { "invalid without a usable last element is dropped", "bad value!", null },
        { "value ending in a separator is dropped", "branch-", null },
        { "empty value is valid", "", "" },
    };

    [Theory]
    [MemberData(nameof(SanitisingCases))]
    public void BaseRefLabel_IsSanitisedAsProw(string scenario, string baseRef, string? expected)
    {
        var refs = PrRefs();
        refs.BaseRef = baseRef;

        var job = Factory().NewPresubmit(Presubmit(), refs, "guid");

        Assert.True(expected == job.Metadata.Labels!.GetValueOrDefault("prow.k8s.io/refs.base_ref"), scenario);
    }

    [Fact]
    public void ExtraLabels_OverrideStandardOnesAndAreSanitised()
    {
        var spec = ProwJobFactory.PeriodicSpec(new Periodic { Name = "ci" });
        var job = Factory().NewProwJob(spec, new Dictionary<string, string> { ["prow.k8s.io/type"] = "custom", ["link"] = "https://example.com/a/b", ["bad"] = "a b" });

        Assert.Equal("custom", job.Metadata.Labels!["prow.k8s.io/type"]);
        Assert.Equal("b", job.Metadata.Labels["link"]);
        Assert.False(job.Metadata.Labels.ContainsKey("bad"));
    }

    [Fact]
    public void NewPeriodic_ReportsAlwaysHasNoContextAndLabelsTheFirstExtraRef()
    {
        var periodic = new Periodic
        {
            Name = "ci-nightly",
            ExtraRefs = [new Cfg.Refs { Org = "kubernetes", Repo = "release", BaseRef = "main" }, new Cfg.Refs { Org = "o", Repo = "r" }],
            DecorationConfig = new Cfg.DecorationConfig { BloblessFetch = true },
        };

        var job = Factory().NewPeriodic(periodic);

        Assert.True(job.Spec.Report);
        Assert.Equal("", job.Spec.Context);
        Assert.Null(job.Spec.Refs);
        Assert.Equal(["kubernetes/release", "o/r"], job.Spec.ExtraRefs!.Select(r => r.OrgRepo));
        Assert.All(job.Spec.ExtraRefs!, r => Assert.True(r.BloblessFetch));
        Assert.Equal("release", job.Metadata.Labels!["prow.k8s.io/refs.repo"]);
        Assert.Equal("", job.Metadata.Labels["prow.k8s.io/context"]);
        Assert.False(job.Metadata.Labels.ContainsKey("prow.k8s.io/refs.pull"));
    }

    [Fact]
    public void NewBatch_IsNotReportedAndIsMarkedCreatedByTide()
    {
        var refs = PrRefs();
        refs.Pulls!.Add(new JobPull { Number = 124, Author = "a", Sha = "b" });

        var job = Factory().NewBatch(Presubmit(), refs);

        Assert.Equal(ProwJobType.Batch, job.Spec.Type);
        Assert.False(job.Spec.Report);
        Assert.Equal("", job.Spec.RerunCommand);
        Assert.Equal("true", job.Metadata.Labels!["created-by-tide"]);
        Assert.Equal("123", job.Metadata.Labels["prow.k8s.io/refs.pull"]);
    }

    [Fact]
    public void NewPostsubmit_ReportsUnlessSkipReportAndCarriesTheEventGuid()
    {
        var job = Factory().NewPostsubmit(new Postsubmit { Name = "post", Context = "post", SkipReport = true }, new JobRefs { Org = "o", Repo = "r", BaseRef = "main" }, "guid-2");

        Assert.Equal(ProwJobType.Postsubmit, job.Spec.Type);
        Assert.False(job.Spec.Report);
        Assert.Equal("guid-2", job.Metadata.Labels!["event-GUID"]);
    }
}
