using System.Text.Json.Nodes;
using Prow.Abstractions.Jobs;
using Prow.Grains.Jobs;
using Prow.Grains.Ports;
using Prow.Silo.Adapters.Local;
using Prow.TestSupport;
using static Prow.Silo.Tests.Adapters.Local.LocalAgentFixture;

namespace Prow.Silo.Tests.Adapters.Local;

public sealed class LocalProcessClusterTests : IAsyncLifetime
{
    private readonly LocalAgentFixture _world = new();
    private string _base = "";
    private string _pull = "";

    public Task InitializeAsync()
    {
        _base = _world.Remote.Commit(null, "refs/heads/main", ("base.txt", "base\n"), ("shared.txt", "one\n"));
        _pull = _world.Remote.Commit(_base, "refs/pull/1/head", ("pr.txt", "pr\n"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private Refs PullRefs(string? pullSha = null, string baseSha = "") => new()
    {
        Org = "org",
        Repo = "repo",
        BaseRef = "main",
        BaseSha = baseSha.Length > 0 ? baseSha : _base,
        Pulls = [new Pull { Number = 1, Author = "alice", Sha = pullSha ?? _pull, HeadRef = "feature", Title = "Add pr.txt" }],
    };

    [Fact]
    public async Task PullRequest_IsMergedOnTheBaseAndTheCommandSeesProwsEnvironment()
    {
        var cluster = _world.NewCluster();
        var job = Job("run-ok", PullRefs(), Shell(
            "test -f base.txt && test -f pr.txt || exit 9; " +
            "echo \"PR_PARENT=$(git rev-parse HEAD^2)\"; echo \"BRANCH=$(git rev-parse --abbrev-ref HEAD)\"; echo \"PWD=$PWD\"; " +
            "echo \"JOB_NAME=$JOB_NAME JOB_TYPE=$JOB_TYPE BUILD_ID=$BUILD_ID PROW_JOB_ID=$PROW_JOB_ID CI=$CI MY_ENV=$MY_ENV\"; " +
            "echo \"PULL_REFS=$PULL_REFS PULL_NUMBER=$PULL_NUMBER PULL_PULL_SHA=$PULL_PULL_SHA\"; " +
            "echo \"ARTIFACTS=$ARTIFACTS\"; test -d \"$ARTIFACTS\" && echo artifacts-exist; echo to-stderr >&2"));

        var started = await cluster.StartAsync(job);
        var finished = await _world.Events.FinishedAsync(job.Name);

        Assert.Equal(WorkloadPhase.Pending, started.Phase);
        Assert.Equal(started.CreatedAt, started.StartedAt);
        await AssertPhaseAsync(WorkloadPhase.Succeeded, finished, cluster, job);
        Assert.True(finished.AllContainersSucceeded);
        Assert.Equal("1234", finished.BuildId);
        Assert.Contains(_world.Events.Events, e => e.Observation?.Phase == WorkloadPhase.Running);
        Assert.Equal(finished, await cluster.ObserveAsync(job));

        var log = await ReadLogAsync(cluster, job);
        var runDir = _world.RunDirectory(job.Name);
        Assert.Contains($"PR_PARENT={_pull}", log);
        Assert.Contains("BRANCH=main", log);
        Assert.Contains($"PWD={Path.Combine(runDir, "src", "github.com", "org", "repo")}", log);
        Assert.Contains($"JOB_NAME=unit-test JOB_TYPE=presubmit BUILD_ID=1234 PROW_JOB_ID=run-ok CI=true MY_ENV=rocks", log);
        Assert.Contains($"PULL_REFS=main:{_base},1:{_pull} PULL_NUMBER=1 PULL_PULL_SHA={_pull}", log);
        Assert.Contains($"ARTIFACTS={Path.Combine(runDir, "artifacts")}", log);
        Assert.Contains("artifacts-exist", log);
        Assert.Contains("to-stderr", log);
        Assert.Contains("prow-local: $ git merge --no-ff " + _pull, log);
    }

    [Fact]
    public async Task PullWithoutSha_IsFetchedAsPullHeadRef()
    {
        var cluster = _world.NewCluster();
        var job = Job("run-pull-head", PullRefs(pullSha: ""), Shell("test -f pr.txt"));

        await cluster.StartAsync(job);

        await AssertPhaseAsync(WorkloadPhase.Succeeded, await _world.Events.FinishedAsync(job.Name), cluster, job);
        Assert.Contains("git fetch " + _world.Remote.BaseUrl + "/org/repo.git pull/1/head", await ReadLogAsync(cluster, job));
    }

    [Fact]
    public async Task ExtraRefs_AreCheckedOutBesideAndTheWorkdirRefIsTheWorkingDirectory()
    {
        var tools = new GitRemote(_world.Temp.Path, "org", "tools");
        var toolsSha = tools.Commit(null, "refs/heads/main", ("tool.sh", "echo tool\n"));
        var cluster = _world.NewCluster();
        var job = Job("run-extra", PullRefs(), Shell("test -f tool.sh && test -f ../../github.com/org/repo/pr.txt && echo \"PWD=$PWD\""));
        job.Spec.ExtraRefs = [new Refs { Org = "org", Repo = "tools", BaseRef = "main", BaseSha = toolsSha, PathAlias = "example.com/tools", WorkDir = true }];

        await cluster.StartAsync(job);

        await AssertPhaseAsync(WorkloadPhase.Succeeded, await _world.Events.FinishedAsync(job.Name), cluster, job);
        Assert.Contains($"PWD={Path.Combine(_world.RunDirectory(job.Name), "src", "example.com", "tools")}", await ReadLogAsync(cluster, job));
    }

    [Fact]
    public async Task FailingCommand_Fails()
    {
        var cluster = _world.NewCluster();
        var job = Job("run-fail", PullRefs(), Shell("echo boom; exit 3"));

        await cluster.StartAsync(job);
        var finished = await _world.Events.FinishedAsync(job.Name);

        Assert.Equal(WorkloadPhase.Failed, finished.Phase);
        Assert.False(finished.AllContainersSucceeded);
        var log = await ReadLogAsync(cluster, job);
        Assert.Contains("boom", log);
        Assert.Contains("container test exited with code 3", log);
    }

    [Fact]
    public async Task SeveralContainers_RunTogetherAndOneFailingFailsTheRun()
    {
        var cluster = _world.NewCluster();
        var spec = new JsonObject
        {
            ["containers"] = new JsonArray(
                new JsonObject { ["name"] = "test", ["command"] = new JsonArray("sh", "-c", "echo from-test") },
                new JsonObject { ["name"] = "helper", ["command"] = new JsonArray("sh", "-c", "echo from-helper; exit 2") }),
        };
        var job = Job("run-two", null, spec);

        await cluster.StartAsync(job);
        var finished = await _world.Events.FinishedAsync(job.Name);

        Assert.Equal(WorkloadPhase.Failed, finished.Phase);
        var log = await ReadLogAsync(cluster, job);
        Assert.Contains("[test] from-test", log);
        Assert.Contains("[helper] from-helper", log);
        Assert.Contains("container helper exited with code 2", log);
    }

    [Fact]
    public async Task MergeConflict_FailsTheRunWithTheReasonInTheLog()
    {
        var conflicting = _world.Remote.Commit(_base, "refs/pull/2/head", ("shared.txt", "pull\n"));
        var movedBase = _world.Remote.Commit(_base, "refs/heads/main", ("shared.txt", "base moved\n"));
        var refs = PullRefs(conflicting, movedBase);
        refs.Pulls![0].Number = 2;
        var marker = _world.Temp.Combine("ran");
        var cluster = _world.NewCluster();
        var job = Job("run-conflict", refs, Shell($"touch '{marker}'"));

        await cluster.StartAsync(job);
        var finished = await _world.Events.FinishedAsync(job.Name);

        Assert.Equal(WorkloadPhase.Failed, finished.Phase);
        Assert.Equal("CheckoutFailed", finished.Reason);
        Assert.False(File.Exists(marker));
        var log = await ReadLogAsync(cluster, job);
        Assert.True(log.Contains("CONFLICT", StringComparison.Ordinal), log);
        Assert.Contains("checkout of org/repo failed: pull #2 does not merge into main", log);
    }

    [Fact]
    public async Task UnknownRepository_FailsAtCheckout()
    {
        var cluster = _world.NewCluster();
        var job = Job("run-no-repo", new Refs { Org = "org", Repo = "missing", BaseRef = "main" }, Shell("true"));

        await cluster.StartAsync(job);
        var finished = await _world.Events.FinishedAsync(job.Name);

        Assert.Equal(("CheckoutFailed", WorkloadPhase.Failed), (finished.Reason, finished.Phase));
        Assert.Contains("checkout of org/missing failed: git fetch exited with code", await ReadLogAsync(cluster, job));
    }

    [Fact]
    public async Task MissingProgram_FailsWithTheReason()
    {
        var cluster = _world.NewCluster();
        var job = Job("run-no-program", null, "definitely-not-a-program-7f3a");

        await cluster.StartAsync(job);
        var finished = await _world.Events.FinishedAsync(job.Name);

        Assert.Equal(("StartFailed", WorkloadPhase.Failed), (finished.Reason, finished.Phase));
        Assert.Contains("cannot start definitely-not-a-program-7f3a", await ReadLogAsync(cluster, job));
    }

    [Fact]
    public async Task StartTwice_RunsOneProcess()
    {
        var counter = _world.Temp.Combine("count");
        var cluster = _world.NewCluster();
        var job = Job("run-once", PullRefs(), Shell($"echo run >> '{counter}'"));

        var both = await Task.WhenAll(cluster.StartAsync(job), cluster.StartAsync(job));
        await _world.Events.FinishedAsync(job.Name);
        var again = await cluster.StartAsync(job);

        Assert.All(both, o => Assert.Equal(WorkloadPhase.Pending, o.Phase));
        Assert.Equal(WorkloadPhase.Succeeded, again.Phase);
        Assert.Single(File.ReadAllLines(counter));
    }

    [Fact]
    public async Task Delete_KillsTheWholeProcessTreeAndKeepsTheLog()
    {
        var shellPid = _world.Temp.Combine("shell.pid");
        var childPid = _world.Temp.Combine("child.pid");
        var cluster = _world.NewCluster();
        // $$ is Kubernetes' escape for $ in a command, so the shell's own pid is $$$$.
        var job = Job("run-long", null, Shell($"sleep 600 & echo $! > '{childPid}'; echo $$$$ > '{shellPid}'; echo started; wait"));

        await cluster.StartAsync(job);
        await _world.Events.WaitForAsync(job.Name, o => o?.Phase == WorkloadPhase.Running);
        await Eventually.Until(() => File.Exists(childPid) && File.Exists(shellPid) && ReadLogAsync(cluster, job).Result.Contains("started"), TimeSpan.FromSeconds(10), "the job's processes");
        var pids = new[] { int.Parse(File.ReadAllText(shellPid)), int.Parse(File.ReadAllText(childPid)) };
        Assert.All(pids, pid => Assert.True(IsAlive(pid)));

        await cluster.DeleteAsync(job);

        await Eventually.Until(() => pids.All(pid => !IsAlive(pid)), TimeSpan.FromSeconds(10), "the shell and its sleep child to be gone");
        Assert.Null(await cluster.ObserveAsync(job));
        Assert.Equal((job.Name, (WorkloadObservation?)null), _world.Events.Events[^1]);
        Assert.DoesNotContain(_world.Events.Events, e => e.Observation?.Phase is WorkloadPhase.Failed or WorkloadPhase.Succeeded);
        var log = await ReadLogAsync(cluster, job);
        Assert.Contains("started", log);
        Assert.Contains("prow-local: deleted", log);

        await cluster.DeleteAsync(job);
        Assert.Single(_world.Events.Events, e => e.Observation is null);
    }

    [Fact]
    public async Task DeleteAbsent_IsNotAnError()
    {
        var cluster = _world.NewCluster();

        await cluster.DeleteAsync(Job("never-started", null, "true"));

        Assert.Empty(_world.Events.Events);
        Assert.Null(await cluster.ObserveAsync(Job("never-started", null, "true")));
        Assert.Null(await cluster.OpenLogAsync(Job("never-started", null, "true")));
    }

    [Fact]
    public async Task StartAfterDelete_StartsAFreshRunAndKeepsTheEarlierOne()
    {
        var counter = _world.Temp.Combine("count");
        var cluster = _world.NewCluster();
        var job = Job("run-again", null, Shell($"echo run >> '{counter}'"));
        await cluster.StartAsync(job);
        await _world.Events.FinishedAsync(job.Name);
        await cluster.DeleteAsync(job);

        var restarted = await cluster.StartAsync(job);
        await Eventually.Until(() => File.ReadAllLines(counter).Length == 2, TimeSpan.FromSeconds(10), "the second run");

        Assert.Equal(WorkloadPhase.Pending, restarted.Phase);
        Assert.True(File.Exists(Path.Combine(_world.RunDirectory(job.Name) + "_attempt-1", LocalProcessCluster.LogFileName)));
    }

    [Fact]
    public async Task InvalidPodSpec_IsRefusedPermanently()
    {
        var cluster = _world.NewCluster();
        var spec = PodSpec("true");
        spec["containers"]![0]!["env"] = new JsonArray(new JsonObject
        {
            ["name"] = "TOKEN",
            ["valueFrom"] = new JsonObject { ["secretKeyRef"] = new JsonObject { ["name"] = "s", ["key"] = "k" } },
        });

        var error = await Assert.ThrowsAsync<BuildClusterException>(() => cluster.StartAsync(Job("run-invalid", null, spec)));

        Assert.True(error.Permanent);
        Assert.Contains("env TOKEN uses valueFrom", error.Message);
        Assert.False(Directory.Exists(_world.RunDirectory("run-invalid")));
    }

    [Fact]
    public async Task PathLikeJobName_IsRefused()
    {
        var cluster = _world.NewCluster();

        var error = await Assert.ThrowsAsync<BuildClusterException>(() => cluster.StartAsync(Job("../escape", null, "true")));

        Assert.True(error.Permanent);
    }

    private static async Task AssertPhaseAsync(WorkloadPhase expected, WorkloadObservation actual, LocalProcessCluster cluster, ProwJob job)
    {
        if (actual.Phase != expected) Assert.Fail($"expected {expected}, got {actual.Phase}; log:\n{await ReadLogAsync(cluster, job)}");
    }
}
