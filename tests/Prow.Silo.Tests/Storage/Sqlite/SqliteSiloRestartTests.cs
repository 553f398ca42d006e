using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;
using Orleans.Hosting;
using Prow.Silo.Storage.Sqlite;

using Prow.TestSupport;

namespace Prow.Silo.Tests.Storage.Sqlite;

/// <summary>
/// A real silo on the SQLite providers: state and reminders written by one silo are found, and the
/// reminder keeps firing, in a new silo started on the same file after the first one stopped.
/// </summary>
public sealed class SqliteSiloRestartTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly SqliteTestDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Restart_OnSameFile_KeepsGrainStateAndReminderKeepsFiring()
    {
        const string key = "org/repo#1";
        var firstProbe = new ReminderTickProbe();
        using (var first = await StartSiloAsync(firstProbe))
        {
            var grain = first.Services.GetRequiredService<IGrainFactory>().GetGrain<IReminderCounterGrain>(key);
            await grain.AddNote("opened");
            await grain.AddNote("labelled");
            await grain.StartTicking(dueTime: TimeSpan.FromMilliseconds(200), period: TimeSpan.FromSeconds(1));

            Assert.True(await firstProbe.NextTickAsync(key, Deadline) >= 1);
            await first.StopAsync();
        }

        var secondProbe = new ReminderTickProbe();
        using var second = await StartSiloAsync(secondProbe);
        var restarted = second.Services.GetRequiredService<IGrainFactory>().GetGrain<IReminderCounterGrain>(key);

        var state = await restarted.GetState();
        Assert.Equal(["opened", "labelled"], state.Notes);
        Assert.True(state.Count >= 1);
        Assert.True(await restarted.HasReminder());

        secondProbe.Reset(key);
        var countAfterRestart = await secondProbe.NextTickAsync(key, Deadline);
        Assert.True(countAfterRestart > state.Count, $"tick after restart counted {countAfterRestart}, state before had {state.Count}");

        await restarted.StopTicking();
        Assert.False(await restarted.HasReminder());
        await second.StopAsync();
    }

    private async Task<IHost> StartSiloAsync(ReminderTickProbe probe)
    {
        var host = new HostBuilder()
            .UseOrleans(silo => silo
                .UseLocalhostClustering(siloPort: FreePorts.Next(), gatewayPort: FreePorts.Next())
                .AddSqliteGrainStorageAsDefault(o => o.DatabasePath = _dir.DatabasePath)
                .UseSqliteReminderService(o => o.DatabasePath = _dir.DatabasePath)
                .Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1))
                .ConfigureServices(services => services.AddSingleton(probe)))
            .Build();
        await host.StartAsync();
        return host;
    }
}
