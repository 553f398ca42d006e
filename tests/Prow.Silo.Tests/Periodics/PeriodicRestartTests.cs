using Microsoft.Extensions.DependencyInjection;
using Orleans.Providers;
using Orleans.Storage;
using Prow.Abstractions.Jobs;
using Prow.Grains.Jobs;
using Prow.Grains.Periodics;
using Prow.Silo.Tests.Jobs;
using Prow.TestSupport;
using static Prow.Silo.Tests.Periodics.PeriodicHost;

namespace Prow.Silo.Tests.Periodics;

/// <summary>Restarts and crashes between persisting a run and creating its ProwJob: never a second job for a due time.</summary>
public sealed class PeriodicRestartTests
{
    [Fact]
    public async Task A_restarted_host_does_not_run_a_due_time_again()
    {
        using var dir = new TempDirectory();
        var cluster = new FakeBuildCluster();
        var config = Config(Periodic("daily-ish", "interval: 1h"));

        string first;
        await using (var host = await StartAsync(dir, cluster, config))
        {
            first = (await host.WaitForRunsAsync(cluster, "daily-ish", 1)).Single().Name;
        }

        // The run completes while no silo is running.
        cluster.Set(first, cluster.Workload(first)! with { Phase = WorkloadPhase.Succeeded, AllContainersSucceeded = true });

        await using var again = await StartAsync(dir, cluster, config);
        await again.WaitForAsync(first, j => j.Complete, "the first run completed after the restart");
        var grain = again.Periodic("daily-ish");
        var statuses = await Task.WhenAll(grain.Ensure(), grain.Tick(), grain.Tick());
        Assert.All(statuses, s => Assert.Equal(first, s.LastProwJob));
        var status = await again.WaitForStatusAsync("daily-ish", s => s.LastCompleted is not null, "completion noted");
        Assert.Equal(status.LastStarted + TimeSpan.FromHours(1), status.NextDue);
        Assert.True(status.ReminderRegistered);
        Assert.Single(await again.RunsAsync(cluster, "daily-ish"));
        Assert.Single(cluster.Starts, first);
    }

    [Fact]
    public async Task A_run_persisted_before_a_crash_is_created_under_its_name_once()
    {
        using var dir = new TempDirectory();
        var cluster = new FakeBuildCluster();
        await using var host = await StartAsync(dir, cluster, Config(Periodic("other", "interval: 1h")));

        // Two periodics the silo has not activated yet, each left by a "crash" after their run was
        // persisted: one before its ProwJob was created, one after (its create never returned).
        var due = DateTimeOffset.UtcNow.AddMinutes(-5);
        var before = PeriodicRules.JobName("crashed-before", due);
        var after = PeriodicRules.JobName("crashed-after", due);
        await WriteStateAsync(host, "crashed-before", due);
        await WriteStateAsync(host, "crashed-after", due);
        var existing = new ProwJobFactory(TimeProvider.System, () => Guid.Parse(after)).NewProwJob(
            new ProwJobSpec { Type = ProwJobType.Periodic, Agent = ProwJobAgents.Kubernetes, Job = "crashed-after",
                PodSpec = System.Text.Json.Nodes.JsonNode.Parse("""{"containers":[{"image":"alpine"}]}""")!.AsObject() });
        await host.Job(after).Create(existing);
        await host.WaitForRunsAsync(cluster, "crashed-after", 1);

        // They appear in the configuration: the sync ensures them, which finishes the interrupted runs.
        await host.ReloadAsync(dir, Config(Periodic("other", "interval: 1h"), Periodic("crashed-before", "interval: 1h"), Periodic("crashed-after", "interval: 1h")));
        foreach (var (periodic, name) in new[] { ("crashed-before", before), ("crashed-after", after) })
        {
            var status = await host.WaitForStatusAsync(periodic, s => s.LastStarted is not null && s.ReminderRegistered, "the interrupted run created");
            Assert.Equal(name, status.LastProwJob);
            Assert.Equal(due, status.LastDue);
            await Task.WhenAll(host.Periodic(periodic).Tick(), host.Periodic(periodic).Tick());
            var runs = await host.RunsAsync(cluster, periodic);
            Assert.Equal(name, Assert.Single(runs).Name);
            Assert.Single(cluster.Starts, name);
        }
    }

    private static async Task WriteStateAsync(JobHost host, string periodic, DateTimeOffset due)
    {
        var storage = host.App.Services.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);
        var state = new PeriodicJobState
        {
            Schedule = "interval: 1h",
            ScheduleSince = due.AddHours(-1),
            Last = new PeriodicRun { Due = due, ProwJob = PeriodicRules.JobName(periodic, due) },
        };
        await storage.WriteStateAsync(PeriodicJobGrain.StateName, host.Periodic(periodic).GetGrainId(), new GrainState<PeriodicJobState>(state));
    }
}
