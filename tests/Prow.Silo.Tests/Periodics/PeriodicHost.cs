using Microsoft.Extensions.DependencyInjection;
using Prow.Abstractions.Jobs;
using Prow.Abstractions.Jobs.Grains;
using Prow.Grains.Periodics;
using Prow.Silo.Configuration;
using Prow.Silo.Tests.Jobs;
using Prow.TestSupport;

namespace Prow.Silo.Tests.Periodics;

/// <summary>A <see cref="JobHost"/> running the periodics of its configuration, with short periods.</summary>
public static class PeriodicHost
{
    public static Task<JobHost> StartAsync(TempDirectory dir, FakeBuildCluster cluster, string configYaml) =>
        JobHost.StartAsync(dir, cluster, configYaml, configureSilo: silo =>
        {
            silo.Services.AddPeriodics();
            silo.Services.Configure<PeriodicOptions>(o =>
            {
                o.MinimumPeriod = TimeSpan.FromMilliseconds(200);
                o.MaximumPeriod = TimeSpan.FromSeconds(5);
                o.SyncRetryDelay = TimeSpan.FromMilliseconds(200);
            });
        });

    /// <summary>A periodic's YAML entry (kubernetes agent); <paramref name="schedule"/> is e.g. "interval: 2s".</summary>
    public static string Periodic(string name, string schedule) => $"""
        - name: {name}
          {schedule}
          agent: kubernetes
          spec:
            containers:
            - image: alpine
              command: [echo, {name}]

        """;

    public static string Config(params string[] periodics) => "prowjob_namespace: periodic-jobs\nperiodics:\n" + string.Concat(periodics);

    public static IPeriodicJobGrain Periodic(this JobHost host, string name) => host.Grains.GetGrain<IPeriodicJobGrain>(name);

    /// <summary>The ProwJobs of <paramref name="periodic"/> whose workloads the cluster started, in start order.</summary>
    public static async Task<List<ProwJob>> RunsAsync(this JobHost host, FakeBuildCluster cluster, string periodic)
    {
        var runs = new List<ProwJob>();
        foreach (var name in cluster.Starts.Distinct())
        {
            if (await host.Job(name).Get() is { } job && job.Spec.Job == periodic) runs.Add(job);
        }
        return runs;
    }

    /// <summary>Waits until <paramref name="periodic"/> has at least <paramref name="count"/> started runs.</summary>
    public static Task<List<ProwJob>> WaitForRunsAsync(this JobHost host, FakeBuildCluster cluster, string periodic, int count) =>
        Eventually.Until(async () =>
        {
            var runs = await host.RunsAsync(cluster, periodic);
            return runs.Count >= count ? runs : null;
        }, TimeSpan.FromSeconds(15), $"{count} run(s) of {periodic}");

    public static Task<PeriodicJobStatus> WaitForStatusAsync(this JobHost host, string periodic, Func<PeriodicJobStatus, bool> condition, string what) =>
        Eventually.Until(async () =>
        {
            var status = await host.Periodic(periodic).GetStatus();
            return condition(status) ? status : null;
        }, TimeSpan.FromSeconds(15), $"{periodic}: {what}");

    /// <summary>Replaces config.yaml and reloads it now (as the file watcher would).</summary>
    public static async Task ReloadAsync(this JobHost host, TempDirectory dir, string configYaml)
    {
        dir.Write("config/config.yaml", configYaml);
        var result = await host.App.Services.GetRequiredService<ConfigWatcher>().CheckNowAsync();
        Assert.True(result is null || result.Succeeded, result is null ? "" : string.Join("\n", result.Diagnostics));
    }
}
