using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using Prow.Silo.Storage.Sqlite;

namespace Prow.Storage.Bench;

/// <summary>
/// Writers each own one grain and write it in a loop (the Orleans pattern: one activation per
/// grain, many grains at once). <c>sharedWriter</c> true is the silo's shape: one registry, so one
/// group-committing writer for the file. False gives every writer its own registry (and writer
/// connection): they contend for SQLite's lock and rely on the busy timeout, as separate
/// processes would.
/// </summary>
internal static class StorageBenchmark
{
    private static readonly IActivatorProvider Activators =
        new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<IActivatorProvider>();

    public static async Task<string> RunAsync(int writers, int writes, bool syncEveryCommit, bool sharedWriter)
    {
        var dir = Directory.CreateTempSubdirectory("prow-storage-bench");
        try
        {
            var shared = new SqliteDatabaseRegistry();
            var storages = new List<SqliteGrainStorage>();
            for (var i = 0; i < (sharedWriter ? 1 : writers); i++)
                storages.Add(await CreateAsync(dir.FullName, syncEveryCommit, sharedWriter ? shared : new SqliteDatabaseRegistry()));

            var perWriter = writes / writers;
            var latencies = new double[perWriter * writers];
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
            {
                var storage = storages[sharedWriter ? 0 : w];
                var grain = GrainId.Create("bench", $"grain-{w}");
                var state = new GrainState<Payload>(new Payload());
                for (var i = 0; i < perWriter; i++)
                {
                    state.State!.Sequence = i;
                    var started = Stopwatch.GetTimestamp();
                    await storage.WriteStateAsync("state", grain, state);
                    latencies[(w * perWriter) + i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                }
            })));
            clock.Stop();

            Array.Sort(latencies);
            var rate = latencies.Length / clock.Elapsed.TotalSeconds;
            return $"sync={(syncEveryCommit ? "FULL  " : "NORMAL")} writer={(sharedWriter ? "shared" : "own   ")}: {rate,8:F0} writes/s, p50 {latencies[latencies.Length / 2]:F2} ms, p99 {latencies[(int)(latencies.Length * 0.99)]:F2} ms";
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            dir.Delete(recursive: true);
        }
    }

    public static async Task RunReadsAsync(int readers, int reads)
    {
        var dir = Directory.CreateTempSubdirectory("prow-storage-bench");
        try
        {
            var storage = await CreateAsync(dir.FullName, syncEveryCommit: true, new SqliteDatabaseRegistry());
            for (var r = 0; r < readers; r++)
                await storage.WriteStateAsync("state", GrainId.Create("bench", $"grain-{r}"), new GrainState<Payload>(new Payload()));

            var perReader = reads / readers;
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, readers).Select(r => Task.Run(async () =>
            {
                var state = new GrainState<Payload>();
                for (var i = 0; i < perReader; i++) await storage.ReadStateAsync("state", GrainId.Create("bench", $"grain-{r}"), state);
            })));
            Console.WriteLine($"reads: {perReader * readers / clock.Elapsed.TotalSeconds,8:F0} reads/s");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            dir.Delete(recursive: true);
        }
    }

    private static async Task<SqliteGrainStorage> CreateAsync(string dir, bool syncEveryCommit, SqliteDatabaseRegistry registry)
    {
        var storage = new SqliteGrainStorage(
            "bench",
            new SqliteStorageOptions
            {
                DatabasePath = Path.Combine(dir, SqliteDatabaseOptions.DefaultFileName),
                SyncEveryCommit = syncEveryCommit,
                GrainStorageSerializer = new SystemTextJsonGrainStorageSerializer(Options.Create(new SystemTextJsonGrainStorageSerializerOptions())),
            },
            registry,
            Activators,
            TimeProvider.System,
            NullLogger<SqliteGrainStorage>.Instance);
        await storage.InitializeAsync(CancellationToken.None);
        return storage;
    }
}
