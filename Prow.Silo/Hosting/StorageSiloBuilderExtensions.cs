using Prow.Silo.Storage.Sqlite;

namespace Prow.Silo.Hosting;

/// <summary>Durable grain state and reminders for the all-in-one host: one SQLite file in the data dir.</summary>
public static class StorageSiloBuilderExtensions
{
    public static ISiloBuilder AddProwStorage(this ISiloBuilder silo, ProwHostOptions options)
    {
        var database = Path.GetFullPath(options.DatabasePath);
        return silo
            .AddSqliteGrainStorageAsDefault(o => o.DatabasePath = database)
            .UseSqliteReminderService(o => o.DatabasePath = database);
    }
}
