using System.Text.Json.Nodes;
using Prow.Abstractions.Jobs;
using Prow.Grains.Ports;
using Prow.Silo.Adapters.Local;
using static Prow.Silo.Tests.Adapters.Local.LocalAgentFixture;

namespace Prow.Silo.Tests.Adapters.Local;

public sealed class LocalRunPlanTests
{
    private static readonly LocalAgentOptions Options = new() { DataDirectory = Path.Combine(Path.GetTempPath(), "prow-plan-tests") };
    private static readonly string Workspace = Path.Combine(Options.DataDirectory, "jobs", "job-1");

    public static TheoryData<string, Refs, LocalAgentOptions, string> RepositoryUriCases => new()
    {
        { "clone_uri wins", new Refs { Org = "o", Repo = "r", CloneUri = "git@example.com:o/r.git", RepoLink = "https://ghe.example.com/o/r" }, Options with { GitBaseUrl = "file:///mirror" }, "git@example.com:o/r.git" },
        { "configured base URL", new Refs { Org = "o", Repo = "r", RepoLink = "https://ghe.example.com/o/r" }, Options with { GitBaseUrl = "file:///mirror/" }, "file:///mirror/o/r.git" },
        { "repo_link as clonerefs", new Refs { Org = "o", Repo = "r", RepoLink = "https://ghe.example.com/o/r" }, Options, "https://ghe.example.com/o/r.git" },
        { "GitHub by default", new Refs { Org = "o", Repo = "r" }, Options, "https://github.com/o/r.git" },
    };

    [Theory]
    [MemberData(nameof(RepositoryUriCases))]
    public void RepositoryUri_FollowsCloneRefs(string scenario, Refs refs, LocalAgentOptions options, string expected) =>
        Assert.True(expected == LocalRunPlan.RepositoryUri(refs, options), scenario);

    [Fact]
    public void Checkouts_GoUnderSrcAndTheWorkdirRefIsTheWorkingDirectory()
    {
        var job = Job("job-1", new Refs { Org = "o", Repo = "r", BaseRef = "main" }, "make", "test");
        job.Spec.ExtraRefs = [new Refs { Org = "x", Repo = "tools", BaseRef = "main", PathAlias = "k8s.io/tools", WorkDir = true }, new Refs { Org = "y", Repo = "z", RepoLink = "https://ghe.example.com/y/z" }];

        var plan = LocalRunPlan.Create(job, Options);

        Assert.Equal(
            [Path.Combine(Workspace, "src", "github.com", "o", "r"), Path.Combine(Workspace, "src", "k8s.io", "tools"), Path.Combine(Workspace, "src", "ghe.example.com", "y", "z")],
            plan.Checkouts.Select(c => c.Directory));
        var step = Assert.Single(plan.Containers);
        Assert.Equal(Path.Combine(Workspace, "src", "k8s.io", "tools"), step.WorkingDirectory);
        Assert.Equal("make", step.FileName);
        Assert.Equal(["test"], step.Arguments);
    }

    [Fact]
    public void CommandAndEnv_ExpandKubernetesVariableReferences()
    {
        var spec = new JsonObject
        {
            ["containers"] = new JsonArray(new JsonObject
            {
                ["args"] = new JsonArray("./hack/run.sh", "--build=$(BUILD_ID)", "--greeting=$(GREETING)", "$$(BUILD_ID)", "$(UNSET)"),
                ["env"] = new JsonArray(
                    new JsonObject { ["name"] = "WHO", ["value"] = "world" },
                    new JsonObject { ["name"] = "GREETING", ["value"] = "hello $(WHO) $(BUILD_ID)" }),
                ["workingDir"] = "tree",
            }),
        };

        var step = Assert.Single(LocalRunPlan.Create(Job("job-1", null, spec), Options).Containers);

        Assert.Equal(Path.Combine(Workspace, "tree", "hack", "run.sh"), step.FileName);
        Assert.Equal(["--build=1234", "--greeting=hello world $(BUILD_ID)", "$(BUILD_ID)", "$(UNSET)"], step.Arguments);
        Assert.Equal("test", step.Container);
        Assert.Equal(Path.Combine(Workspace, "tree"), step.WorkingDirectory);
        Assert.Equal(("1234", "true", "unit-test"), (step.Environment["BUILD_ID"], step.Environment["CI"], step.Environment["JOB_NAME"]));
        Assert.False(step.Environment.ContainsKey("GOPATH"));
        // A periodic gets no pull variables, and none inherited from the host either.
        Assert.True(step.Environment.TryGetValue("PULL_NUMBER", out var pull) && pull is null);
    }

    public static TheoryData<string, JsonObject?, string> RefusedCases => new()
    {
        { "no pod spec", null, "no pod_spec" },
        { "no containers", new JsonObject { ["containers"] = new JsonArray() }, "no containers" },
        { "init containers", new JsonObject { ["initContainers"] = new JsonArray(new JsonObject { ["name"] = "i" }), ["containers"] = new JsonArray(new JsonObject { ["command"] = new JsonArray("true") }) }, "initContainers" },
        { "image only", new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "t", ["image"] = "alpine" }) }, "no command or args" },
        { "envFrom", new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["command"] = new JsonArray("true"), ["envFrom"] = new JsonArray(new JsonObject()) }) }, "envFrom" },
    };

    [Theory]
    [MemberData(nameof(RefusedCases))]
    public void UnsupportedPodSpec_IsRefusedPermanently(string scenario, JsonObject? spec, string message)
    {
        var error = Assert.Throws<BuildClusterException>(() => LocalRunPlan.Create(Job("job-1", null, spec!), Options));

        Assert.True(error.Permanent, scenario);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void PathAliasLeavingTheWorkspace_IsRefused()
    {
        var job = Job("job-1", new Refs { Org = "o", Repo = "r", PathAlias = "../../escape" }, "true");

        Assert.True(Assert.Throws<BuildClusterException>(() => LocalRunPlan.Create(job, Options)).Permanent);
    }

    [Fact]
    public void IgnoredFields_AreNoted()
    {
        var spec = PodSpec("true");
        spec["volumes"] = new JsonArray(new JsonObject { ["name"] = "v" });
        spec["containers"]![0]!["resources"] = new JsonObject();

        var plan = LocalRunPlan.Create(Job("job-1", null, spec), Options);

        Assert.Equal(["pod_spec.volumes are ignored: local processes see the host's file system", "container test: image, resources ignored for a local process"], plan.Notes);
    }
}
