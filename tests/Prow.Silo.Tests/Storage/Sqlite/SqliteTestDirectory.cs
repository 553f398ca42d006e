using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using Prow.Silo.Storage.Sqlite;

namespace Prow.Silo.Tests.Storage.Sqlite;

/// <summary>A throw-away data dir holding one database file, and factories for providers on it.</summary>
public sealed class SqliteTestDirectory : IDisposable
{
    private static readonly Lazy<IActivatorProvider> Activators = new(() =>
        new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<IActivatorProvider>());

    public SqliteTestDirectory()
    {
        Root = Path.Combine(Path.GetTempPath(), "prow-sqlite-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    private readonly List<SqliteDatabaseRegistry> _registries = [];

    public string Root { get; }

    /// <summary>A registry (the per-silo owner of the file's writer) that is disposed with the directory.</summary>
    public SqliteDatabaseRegistry NewRegistry()
    {
        var registry = new SqliteDatabaseRegistry();
        lock (_registries) _registries.Add(registry);
        return registry;
    }

    public string DatabasePath => Path.Combine(Root, "data", SqliteDatabaseOptions.DefaultFileName);

    public async Task<SqliteGrainStorage> CreateStorageAsync(SqliteDatabaseRegistry? registry = null, bool deleteStateOnClear = false)
    {
        var options = new SqliteStorageOptions
        {
            DatabasePath = DatabasePath,
            DeleteStateOnClear = deleteStateOnClear,
            GrainStorageSerializer = new SystemTextJsonGrainStorageSerializer(Options.Create(new SystemTextJsonGrainStorageSerializerOptions())),
        };
        var storage = new SqliteGrainStorage(
            "test",
            options,
            registry ?? NewRegistry(),
            Activators.Value,
            TimeProvider.System,
            NullLogger<SqliteGrainStorage>.Instance);
        await storage.InitializeAsync(CancellationToken.None);
        return storage;
    }

    public async Task<SqliteReminderTable> CreateReminderTableAsync(SqliteDatabaseRegistry? registry = null)
    {
        var table = new SqliteReminderTable(
            Options.Create(new SqliteReminderOptions { DatabasePath = DatabasePath }),
            registry ?? NewRegistry(),
            NullLogger<SqliteReminderTable>.Instance);
        await table.StartAsync();
        return table;
    }

    public void Dispose()
    {
        foreach (var registry in _registries) registry.Dispose();
        // Pooled connections keep the file open; close them before deleting the directory.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a connection still in use elsewhere in the test run may hold the file.
        }
    }
}
