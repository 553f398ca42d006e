using Orleans.Providers;
using Orleans.Serialization;
using Orleans.Storage;
using Prow.Silo.Storage.Sqlite;

namespace Prow.Silo.Hosting;

/// <summary>Durable grain state and reminders for the all-in-one host: one SQLite file in the data dir.</summary>
public static class StorageSiloBuilderExtensions
{
    public static ISiloBuilder AddProwStorage(this ISiloBuilder silo, ProwHostOptions options)
    {
        var database = Path.GetFullPath(options.DatabasePath);
        // Grain state is written with Orleans' binary serializer: webhook inboxes hold whole JSON
        // payloads, which the default JSON storage serializer would escape and re-parse on every write.
        silo.Services.AddSqliteGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, ob => ob
            .Configure<Serializer>((o, serializer) =>
            {
                o.DatabasePath = database;
                o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
            }));
        return silo.UseSqliteReminderService(o => o.DatabasePath = database);
    }
}
