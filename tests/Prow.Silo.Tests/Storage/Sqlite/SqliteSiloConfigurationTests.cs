using Microsoft.Extensions.Hosting;
using Orleans.Hosting;
using Orleans.Runtime;
using Prow.Silo.Storage.Sqlite;

using Prow.TestSupport;

namespace Prow.Silo.Tests.Storage.Sqlite;

/// <summary>The registrations wire the validators: a silo on a bad data dir refuses to start and says why.</summary>
public sealed class SqliteSiloConfigurationTests : IDisposable
{
    private readonly SqliteTestDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string> Providers => ["storage", "reminders"];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Start_WithDatabaseBelowAFile_FailsNamingThePath(string provider)
    {
        var blocker = Path.Combine(_dir.Root, "data-dir-is-a-file");
        File.WriteAllText(blocker, "");
        var bad = Path.Combine(blocker, SqliteDatabaseOptions.DefaultFileName);
        using var host = new HostBuilder()
            .UseOrleans(silo =>
            {
                silo.UseLocalhostClustering(siloPort: FreePorts.Next(), gatewayPort: FreePorts.Next());
                if (provider == "storage")
                    silo.AddSqliteGrainStorageAsDefault(o => o.DatabasePath = bad);
                else
                    silo.UseSqliteReminderService(o => o.DatabasePath = bad);
            })
            .Build();

        var ex = await Assert.ThrowsAsync<OrleansConfigurationException>(() => host.StartAsync());

        Assert.Contains(blocker, ex.Message);
    }
}
