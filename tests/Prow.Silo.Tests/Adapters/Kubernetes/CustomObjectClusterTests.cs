using System.Text.Json.Nodes;
using Prow.Abstractions.Jobs;
using Prow.Grains.Jobs;
using Prow.Grains.Ports;
using Prow.Silo.Adapters.Kubernetes;
using Prow.TestSupport;
using Prow.TestSupport.FakeKubernetes;

namespace Prow.Silo.Tests.Adapters.Kubernetes;

public sealed class CustomObjectClusterTests : IAsyncLifetime
{
    private const string Ns = KubeTestJobs.PodNamespace;
    private static readonly KubeResource Builds = new("build.knative.dev", "v1alpha1", "builds");
    private static readonly KubeResource PipelineRuns = new("tekton.dev", "v1beta1", "pipelineruns");
    private FakeKubernetesServer _fake = null!;
    private k8s.Kubernetes _client = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeKubernetesServer.StartAsync();
        _client = new k8s.Kubernetes(_fake.ClientConfiguration());
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _fake.DisposeAsync();
    }

    private static ProwJob TektonJob()
    {
        var job = KubeTestJobs.Presubmit(agent: ProwJobAgents.TektonPipeline);
        job.Spec.ExtraRefs = [new Refs { Org = "kubernetes", Repo = "release", BaseRef = "main", CloneUri = "https://example.com/release.git" }];
        job.Spec.TektonPipelineRunSpec = new TektonPipelineRunSpec
        {
            V1Beta1 = JsonNode.Parse("""
                {"params":[{"name":"JOB_NAME","value":"mine"}],
                 "pipelineSpec":{"tasks":[
                   {"name":"checkout","taskRef":{"name":"PROW_IMPLICIT_GIT_REF"}},
                   {"name":"checkout-release","taskRef":{"name":"PROW_EXTRA_GIT_REF_0"}},
                   {"name":"unit","taskRef":{"name":"go-test"},"runAfter":["checkout"]}]}}
                """)!.AsObject(),
        };
        return job;
    }

    [Fact]
    public async Task Tekton_CreatesAPipelineRunWithProwParamsAndGitTasks()
    {
        var cluster = new TektonPipelineCluster(_client, Ns);

        var observation = await cluster.StartAsync(TektonJob());

        Assert.Equal(WorkloadPhase.Pending, observation.Phase);
        var run = _fake.Get(PipelineRuns, Ns, "job-1")!;
        Assert.Equal("tekton.dev/v1beta1", run["apiVersion"]!.GetValue<string>());
        Assert.Equal("PipelineRun", run["kind"]!.GetValue<string>());
        Assert.Equal("true", run["metadata"]!["labels"]![ProwJobLabels.CreatedByProw]!.GetValue<string>());
        Assert.Equal("1001", run["metadata"]!["labels"]![ProwJobLabels.BuildId]!.GetValue<string>());
        var parameters = run["spec"]!["params"]!.AsArray().ToDictionary(p => p!["name"]!.GetValue<string>(), p => p!["value"]!.GetValue<string>());
        Assert.Equal("mine", parameters["JOB_NAME"]); // the job's own param wins
        Assert.Equal("job-1", parameters["PROW_JOB_ID"]);
        Assert.Equal("1001", parameters["BUILD_ID"]);
        Assert.Equal("master:base123,42:pull456", parameters["PULL_REFS"]);
        Assert.Equal("42", parameters["PULL_NUMBER"]);
        Assert.Equal("job-1", JsonNode.Parse(parameters["JOB_SPEC"])!["prowjobid"]!.GetValue<string>());
        var tasks = run["spec"]!["pipelineSpec"]!["tasks"]!.AsArray();
        Assert.Equal("""{"name":"checkout","taskRef":{"name":"git-clone"},"params":[{"name":"url","value":"https://github.com/kubernetes/test-infra.git"},{"name":"revision","value":"pull456"}]}""",
            tasks[0]!.ToJsonString());
        Assert.Equal("https://example.com/release.git", tasks[1]!["params"]![0]!["value"]!.GetValue<string>());
        Assert.Equal("main", tasks[1]!["params"]![1]!["value"]!.GetValue<string>());
        Assert.Equal("go-test", tasks[2]!["taskRef"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Tekton_WritesTheConfiguredApiVersion()
    {
        var cluster = new TektonPipelineCluster(_client, Ns, apiVersion: "v1");

        await cluster.StartAsync(TektonJob());

        Assert.Equal("tekton.dev/v1", _fake.Get(new KubeResource("tekton.dev", "v1", "pipelineruns"), Ns, "job-1")!["apiVersion"]!.GetValue<string>());
    }

    public static TheoryData<string, string, WorkloadPhase> Conditions() => new()
    {
        { "no condition yet", """{}""", WorkloadPhase.Pending },
        { "unknown, not started", """{"conditions":[{"type":"Succeeded","status":"Unknown","reason":"Pending"}]}""", WorkloadPhase.Pending },
        { "unknown, started", """{"startTime":"2026-11-27T10:00:00Z","conditions":[{"type":"Succeeded","status":"Unknown","reason":"Running"}]}""", WorkloadPhase.Running },
        { "true", """{"startTime":"2026-11-27T10:00:00Z","conditions":[{"type":"Succeeded","status":"True"}]}""", WorkloadPhase.Succeeded },
        { "false", """{"startTime":"2026-11-27T10:00:00Z","conditions":[{"type":"Succeeded","status":"False","reason":"Failed"}]}""", WorkloadPhase.Failed },
        { "finished without a condition", """{"completionTime":"2026-11-27T10:05:00Z"}""", WorkloadPhase.Failed },
    };

    [Theory]
    [MemberData(nameof(Conditions))]
    public async Task Tekton_ObservesTheSucceededCondition(string name, string status, WorkloadPhase phase)
    {
        var cluster = new TektonPipelineCluster(_client, Ns);
        var job = TektonJob();
        await cluster.StartAsync(job);
        _fake.Update(PipelineRuns, Ns, job.Name, run => run["status"] = JsonNode.Parse(status));

        var observation = await cluster.ObserveAsync(job);

        Assert.Equal(phase, observation!.Phase);
        Assert.Equal(phase == WorkloadPhase.Succeeded, observation.AllContainersSucceeded);
        Assert.Equal("1001", observation.BuildId);
        Assert.NotEmpty(name);
    }

    [Fact]
    public async Task Tekton_AdoptsAnExistingRun_AndDeletesIt()
    {
        var cluster = new TektonPipelineCluster(_client, Ns);
        var job = TektonJob();
        await cluster.StartAsync(job);

        await cluster.StartAsync(job);
        await cluster.DeleteAsync(job);
        await cluster.DeleteAsync(job);

        var path = "/apis/tekton.dev/v1beta1/namespaces/" + Ns + "/pipelineruns";
        Assert.Equal([201, 409], _fake.RequestsTo("POST", path).Select(r => r.Status));
        Assert.Equal([200, 404], _fake.RequestsTo("DELETE", path + "/job-1").Select(r => r.Status));
        Assert.Null(await cluster.ObserveAsync(job));
        Assert.Null(await cluster.OpenLogAsync(job));
    }

    [Fact]
    public async Task Tekton_WithoutASpec_FailsPermanently()
    {
        var cluster = new TektonPipelineCluster(_client, Ns);

        var ex = await Assert.ThrowsAsync<BuildClusterException>(() => cluster.StartAsync(KubeTestJobs.Presubmit(agent: ProwJobAgents.TektonPipeline)));

        Assert.True(ex.Permanent);
        Assert.Empty(_fake.Requests);
    }

    [Fact]
    public async Task Tekton_CrdMissing_FailsPermanently()
    {
        var cluster = new TektonPipelineCluster(_client, Ns);
        _fake.FailNext("POST", "/apis/tekton.dev/*", 404, message: "the server could not find the requested resource");

        var ex = await Assert.ThrowsAsync<BuildClusterException>(() => cluster.StartAsync(TektonJob()));

        Assert.True(ex.Permanent);
        Assert.Contains("could not find the requested resource", ex.Message);
    }

    [Fact]
    public async Task Knative_CreatesABuildWithEnvAndSource()
    {
        var job = KubeTestJobs.Presubmit(agent: ProwJobAgents.KnativeBuild);
        job.Spec.BuildSpec = JsonNode.Parse("""
            {"steps":[{"name":"unit","image":"golang","env":[{"name":"CI","value":"false"}]},{"name":"lint","image":"golang","workingDir":"/elsewhere"}],
             "template":{"name":"kaniko","arguments":[{"name":"IMAGE","value":"gcr.io/x"}]}}
            """)!.AsObject();
        var clonerefs = JsonNode.Parse("""{"name":"clonerefs","image":"gcr.io/k8s-prow/clonerefs","args":["--src-root=/code-mount"]}""")!.AsObject();
        var cluster = new KnativeBuildCluster(_client, Ns, _ => new KnativeBuildSource(clonerefs, [new JsonObject { ["name"] = "logs" }]));

        var observation = await cluster.StartAsync(job);

        Assert.Equal(WorkloadPhase.Pending, observation.Phase);
        var build = _fake.Get(Builds, Ns, "job-1")!;
        Assert.Equal("build.knative.dev/v1alpha1", build["apiVersion"]!.GetValue<string>());
        Assert.Equal("Build", build["kind"]!.GetValue<string>());
        var spec = build["spec"]!;
        var unit = spec["steps"]![0]!;
        var env = unit["env"]!.AsArray().ToDictionary(e => e!["name"]!.GetValue<string>(), e => e!["value"]!.GetValue<string>());
        Assert.Equal("false", env["CI"]); // the step's own value wins
        Assert.Equal("job-1", env["PROW_JOB_ID"]);
        Assert.Equal("kubernetes", env["REPO_OWNER"]);
        Assert.Equal("/workspace/src/github.com/kubernetes/test-infra", unit["workingDir"]!.GetValue<string>());
        Assert.Equal("/elsewhere", spec["steps"]![1]!["workingDir"]!.GetValue<string>());
        Assert.Equal("""{"image":"gcr.io/k8s-prow/clonerefs","args":["--src-root=/code-mount"]}""", spec["source"]!["custom"]!.ToJsonString());
        Assert.Equal("logs", spec["volumes"]![0]!["name"]!.GetValue<string>());
        var arguments = spec["template"]!["arguments"]!.AsArray().Select(a => a!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("IMAGE", arguments);
        Assert.Contains("PULL_REFS", arguments);
        Assert.Equal("WORKDIR", arguments[^1]);
    }

    [Fact]
    public async Task Knative_KeepsASourceTheSpecDefines_AndObservesTheCondition()
    {
        var job = KubeTestJobs.Presubmit(agent: ProwJobAgents.KnativeBuild);
        job.Spec.BuildSpec = JsonNode.Parse("""{"source":{"git":{"url":"https://x/y.git","revision":"main"}},"steps":[{"name":"s","image":"i"}]}""")!.AsObject();
        var cluster = new KnativeBuildCluster(_client, Ns, _ => throw new InvalidOperationException("not asked"));
        await cluster.StartAsync(job);
        _fake.Update(Builds, Ns, job.Name, b => b["status"] = JsonNode.Parse("""{"conditions":[{"type":"Succeeded","status":"False","message":"step s failed"}]}"""));

        var observation = await cluster.ObserveAsync(job);

        Assert.Equal(WorkloadPhase.Failed, observation!.Phase);
        Assert.Equal("https://x/y.git", _fake.Get(Builds, Ns, job.Name)!["spec"]!["source"]!["git"]!["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task Informer_WatchesCustomObjects()
    {
        var events = new RecordingWorkloadEvents();
        var cluster = new TektonPipelineCluster(_client, Ns);
        await using var informer = new WorkloadInformer(new CustomObjectWorkloadSource(_client, cluster.Kind, Ns), events,
            new WorkloadInformerOptions { InitialBackoff = TimeSpan.FromMilliseconds(10) });
        await informer.StartAsync(CancellationToken.None);
        await Eventually.Until(() => _fake.OpenWatches > 0, TimeSpan.FromSeconds(10), "the watch");

        var job = TektonJob();
        await cluster.StartAsync(job);
        _fake.Update(PipelineRuns, Ns, job.Name, run => run["status"] = JsonNode.Parse("""{"conditions":[{"type":"Succeeded","status":"True"}]}"""));
        await Eventually.Until(() => events.Last(job.Name) is (true, { Phase: WorkloadPhase.Succeeded }), TimeSpan.FromSeconds(10), "success");

        _fake.FailNext("GET", "/apis/tekton.dev/*", 503, count: int.MaxValue);
        _fake.DropWatches();
        _fake.Delete(PipelineRuns, Ns, job.Name);
        _fake.CompactHistory();
        _fake.ClearFailures();
        await Eventually.Until(() => events.Last(job.Name) is (true, null), TimeSpan.FromSeconds(10), "the deletion after a relist");
        Assert.True(informer.Lists >= 2);
    }
}
