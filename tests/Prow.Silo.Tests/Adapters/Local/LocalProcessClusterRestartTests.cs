using Prow.Abstractions.Jobs;
using Prow.Grains.Jobs;
using Prow.TestSupport;
using static Prow.Silo.Tests.Adapters.Local.LocalAgentFixture;

namespace Prow.Silo.Tests.Adapters.Local;

/// <summary>A new <see cref="Silo.Adapters.Local.LocalProcessCluster"/> on the same data dir stands for the host after a restart.</summary>
public sealed class LocalProcessClusterRestartTests : IAsyncLifetime
{
    private readonly LocalAgentFixture _world = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task FinishedRun_IsAdoptedByTheNextHostAndNotRunAgain()
    {
        var counter = _world.Temp.Combine("count");
        var before = _world.NewCluster();
        var job = Job("run-adopted", null, Shell($"echo run >> '{counter}'; echo done-once"));
        await before.StartAsync(job);
        var finished = await _world.Events.FinishedAsync(job.Name);

        var after = _world.NewCluster(new RecordingWorkloadEvents());
        var observed = await after.ObserveAsync(job);
        var started = await after.StartAsync(job);

        Assert.Equal(WorkloadPhase.Succeeded, finished.Phase);
        Assert.Equal(finished, observed);
        Assert.Equal(finished, started);
        Assert.Single(File.ReadAllLines(counter));
        Assert.Contains("done-once", await ReadLogAsync(after, job));
    }

    [Fact]
    public async Task RunInterruptedByShutdown_IsUnknownToTheNextHost_AndPlankRecreatesIt()
    {
        var counter = _world.Temp.Combine("count");
        var shellPid = _world.Temp.Combine("shell.pid");
        var before = _world.NewCluster();
        var job = Job("run-interrupted", null, Shell($"echo run >> '{counter}'; echo $$$$ > '{shellPid}'; exec sleep 600"));
        job.Status.State = ProwJobState.Pending;
        await before.StartAsync(job);
        await _world.Events.WaitForAsync(job.Name, o => o?.Phase == WorkloadPhase.Running);
        await Eventually.Until(() => File.Exists(shellPid) && File.ReadAllText(shellPid).EndsWith('\n'), TimeSpan.FromSeconds(10), "the job to start");

        await before.DisposeAsync();
        var after = _world.NewCluster(new RecordingWorkloadEvents());
        var observed = await after.ObserveAsync(job);
        var startedAgain = await after.StartAsync(job);

        Assert.False(IsAlive(int.Parse(File.ReadAllText(shellPid))));
        Assert.Equal(WorkloadPhase.Unknown, observed!.Phase);
        Assert.Equal("HostStopped", observed.Reason);
        Assert.Equal(observed, startedAgain);
        Assert.Single(File.ReadAllLines(counter));
        var decision = PlankRules.DecidePending(job, observed, DateTimeOffset.UtcNow, PlankTimeouts.Defaults);
        Assert.Equal((PlankAction.RecreateWorkload, true, "unknown"), (decision.Action, decision.DeleteWorkload, decision.Description));
        Assert.Contains("the host is shutting down", await ReadLogAsync(after, job));

        await after.DeleteAsync(job);
        var recreated = await after.StartAsync(job);

        Assert.Equal(WorkloadPhase.Pending, recreated.Phase);
        await Eventually.Until(() => File.ReadAllLines(counter).Length == 2, TimeSpan.FromSeconds(10), "the recreated run");
    }

    [Fact]
    public async Task ProcessLeftByAnEarlierHost_IsKilledOnDelete()
    {
        var shellPid = _world.Temp.Combine("shell.pid");
        var crashed = _world.NewCluster();
        var job = Job("run-orphaned", null, Shell($"echo $$$$ > '{shellPid}'; sleep 600 & wait"));
        await crashed.StartAsync(job);
        await _world.Events.WaitForAsync(job.Name, o => o?.Phase == WorkloadPhase.Running);
        await Eventually.Until(() => File.Exists(shellPid) && File.ReadAllText(shellPid).EndsWith('\n'), TimeSpan.FromSeconds(10), "the job to start");
        var pid = int.Parse(File.ReadAllText(shellPid));

        // The earlier host never stopped its run (as after a crash); the next host finds it recorded as running.
        var next = _world.NewCluster(new RecordingWorkloadEvents());
        Assert.Equal(WorkloadPhase.Unknown, (await next.ObserveAsync(job))!.Phase);
        await next.DeleteAsync(job);

        await Eventually.Until(() => !IsAlive(pid), TimeSpan.FromSeconds(10), "the orphaned shell to be killed");
    }
}
