using System.Text.Json;
using System.Text.Json.Nodes;
using Prow.Abstractions.Jobs;

namespace Prow.Abstractions.Tests.Jobs;

public sealed class ProwJobJsonTests
{
    public static TheoryData<string> Fixtures => JobFixtures.All;

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_RoundTripsWithoutLosingOrChangingFields(string name)
    {
        var original = JobFixtures.Node(name);
        var job = JobFixtures.Load(name);

        var written = JsonNode.Parse(ProwJobJson.Serialize(job))!;

        Assert.True(JsonNode.DeepEquals(original, written), $"{name} changed:\n{written.ToJsonString(new JsonSerializerOptions { WriteIndented = true })}");
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_RoundTripsThroughYaml(string name)
    {
        var job = JobFixtures.Load(name);

        var yaml = ProwJobJson.ToYaml(job);
        var back = ProwJobJson.FromYaml(yaml);

        Assert.True(JsonNode.DeepEquals(ProwJobJson.ToNode(job), ProwJobJson.ToNode(back)), yaml);
    }

    [Fact]
    public void PresubmitFixture_BindsTypedFields()
    {
        var job = JobFixtures.Load("presubmit-pending.json");

        Assert.Equal("3f4b2a8e-6c1d-4e7f-9a0b-1c2d3e4f5a6b", job.Name);
        Assert.Equal(ProwJobType.Presubmit, job.Spec.Type);
        Assert.Equal(ProwJobState.Pending, job.Status.State);
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 10, 11, 20, TimeSpan.Zero), job.Status.PendingTime);
        Assert.Equal(TimeSpan.FromHours(2), job.Spec.DecorationConfig!.Timeout);
        Assert.Equal(TimeSpan.FromMinutes(15), job.Spec.DecorationConfig.PodPendingTimeout);
        Assert.Equal("", job.Spec.DecorationConfig.S3CredentialsSecret);
        Assert.False(job.Spec.DecorationConfig.SkipCloning);
        Assert.Equal(31337, job.Spec.Refs!.Pulls![0].Number);
        Assert.Equal("golang:1.22", job.Spec.PodSpec!["containers"]![0]!["image"]!.GetValue<string>());
        Assert.Equal([ProwJobState.Failure, ProwJobState.Error], job.Spec.ReporterConfig!.Slack!.JobStatesToReport);
        Assert.Equal(ProwJobState.Pending, job.Status.PrevReportStates!["github-reporter"]);
        Assert.False(job.Complete);
        Assert.Equal("k8s-infra-prow-build", job.ClusterAlias);
        Assert.Equal("master:0123456789abcdef0123456789abcdef01234567,31337:fedcba9876543210fedcba9876543210fedcba98:pull/31337/head", job.Spec.Refs.ToString());
    }

    [Fact]
    public void UnknownFields_AreKeptAtEveryLevel()
    {
        var job = JobFixtures.Load("periodic-tekton-complete.json");

        Assert.True(job.Extra?.ContainsKey("futureTopLevel"));
        Assert.True(job.Spec.Extra?.ContainsKey("futureSpecField"));
        Assert.Equal("kept", job.Status.Extra?["futureStatusField"].GetString());
        Assert.True(job.Complete);
    }

    public static TheoryData<string, string> EmptyJobCases => new()
    {
        { "a new ProwJob writes only apiVersion, kind and empty objects", """{"apiVersion":"prow.k8s.io/v1","kind":"ProwJob","metadata":{},"spec":{},"status":{}}""" },
    };

    [Theory]
    [MemberData(nameof(EmptyJobCases))]
    public void EmptyJob_OmitsEmptyFieldsLikeGo(string scenario, string expected)
    {
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(ProwJobJson.Serialize(new ProwJob()))), scenario);
    }

    [Fact]
    public void GoNullTimes_AreReadAsUnsetAndNotWritten()
    {
        const string fromGo = """{"apiVersion":"prow.k8s.io/v1","kind":"ProwJob","metadata":{"name":"x","creationTimestamp":null},"spec":{"type":"periodic","job":"ci"},"status":{"startTime":null,"state":"triggered"}}""";

        var job = ProwJobJson.Deserialize(fromGo);

        Assert.Null(job.Metadata.CreationTimestamp);
        Assert.Null(job.Status.StartTime);
        Assert.Equal(
            """{"apiVersion":"prow.k8s.io/v1","kind":"ProwJob","metadata":{"name":"x"},"spec":{"type":"periodic","job":"ci"},"status":{"state":"triggered"}}""",
            ProwJobJson.Serialize(job));
    }

    [Fact]
    public void GoRequiredFields_AreWrittenEvenWhenEmpty()
    {
        var refs = new Refs { Pulls = [new Pull()] };

        var json = JsonSerializer.Serialize(refs, ProwJobJson.Options);

        Assert.Equal("""{"org":"","repo":"","pulls":[{"number":0,"author":"","sha":""}]}""", json);
    }

    public static TheoryData<string, string, string> LenientInputCases => new()
    {
        { "decoration timeout as integer nanoseconds", """{"timeout":7200000000000}""", """{"timeout":"2h0m0s"}""" },
        { "short duration string is canonicalised as Go does", """{"pod_pending_timeout":"90s"}""", """{"pod_pending_timeout":"1m30s"}""" },
        { "memory request as a number is written as a string", """{"default_memory_request":1024}""", """{"default_memory_request":"1024"}""" },
        { "explicit false pointer is kept", """{"skip_cloning":false,"censor_secrets":false}""", """{"skip_cloning":false,"censor_secrets":false}""" },
    };

    [Theory]
    [MemberData(nameof(LenientInputCases))]
    public void DecorationConfig_ReadsGoInputsAndWritesGoOutput(string scenario, string input, string expected)
    {
        var config = JsonSerializer.Deserialize<DecorationConfig>(input, ProwJobJson.Options)!;

        var written = JsonSerializer.Serialize(config, ProwJobJson.Options);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(written)), $"{scenario}: {written}");
    }

    public static TheoryData<string, string> TimeCases => new()
    {
        { "2026-03-04T10:11:12Z", "2026-03-04T10:11:12Z" },
        { "2026-03-04T10:11:12.987654Z", "2026-03-04T10:11:12Z" },
        { "2026-03-04T12:11:12+02:00", "2026-03-04T10:11:12Z" },
    };

    [Theory]
    [MemberData(nameof(TimeCases))]
    public void StatusTimes_AreWrittenAsKubernetesDoes(string input, string expected)
    {
        var status = JsonSerializer.Deserialize<ProwJobStatus>($$"""{"startTime":"{{input}}"}""", ProwJobJson.Options)!;

        Assert.Equal($$"""{"startTime":"{{expected}}"}""", JsonSerializer.Serialize(status, ProwJobJson.Options));
    }

    public static TheoryData<ProwJobState, string> StateNames => new()
    {
        { ProwJobState.Scheduling, "scheduling" },
        { ProwJobState.Triggered, "triggered" },
        { ProwJobState.Pending, "pending" },
        { ProwJobState.Success, "success" },
        { ProwJobState.Failure, "failure" },
        { ProwJobState.Aborted, "aborted" },
        { ProwJobState.Error, "error" },
    };

    [Theory]
    [MemberData(nameof(StateNames))]
    public void State_SerializesToProwsString(ProwJobState state, string expected)
    {
        Assert.Equal($"\"{expected}\"", JsonSerializer.Serialize(state, ProwJobJson.Options));
        Assert.Equal(state, JsonSerializer.Deserialize<ProwJobState>($"\"{expected}\"", ProwJobJson.Options));
    }

    public static TheoryData<ProwJobType, string> TypeNames => new()
    {
        { ProwJobType.Presubmit, "presubmit" },
        { ProwJobType.Postsubmit, "postsubmit" },
        { ProwJobType.Periodic, "periodic" },
        { ProwJobType.Batch, "batch" },
    };

    [Theory]
    [MemberData(nameof(TypeNames))]
    public void Type_SerializesToProwsString(ProwJobType type, string expected)
    {
        Assert.Equal($"\"{expected}\"", JsonSerializer.Serialize(type, ProwJobJson.Options));
        Assert.Equal(type, JsonSerializer.Deserialize<ProwJobType>($"\"{expected}\"", ProwJobJson.Options));
    }

    [Fact]
    public void Yaml_QuotesStringsThatWouldReadAsOtherTypes()
    {
        var job = new ProwJob { Metadata = { Labels = new() { ["created-by-prow"] = "true", ["prow.k8s.io/refs.pull"] = "123" } } };

        var yaml = ProwJobJson.ToYaml(job);
        var back = ProwJobJson.FromYaml(yaml);

        Assert.Equal("true", back.Metadata.Labels!["created-by-prow"]);
        Assert.Equal("123", back.Metadata.Labels["prow.k8s.io/refs.pull"]);
    }
}
