using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Runtime;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Prow.Silo.Storage.Sqlite;

/// <summary>
/// Orleans grain storage in the embedded SQLite file. Optimistic concurrency: every write gets a
/// fresh random ETag, and a write, clear or first insert only succeeds when the caller's ETag
/// equals the stored one (null meaning "no row"); otherwise <see cref="InconsistentStateException"/>.
/// </summary>
public sealed partial class SqliteGrainStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private readonly string _name;
    private readonly SqliteStorageOptions _options;
    private readonly SqliteDatabase _database;
    private readonly IActivatorProvider _activators;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public SqliteGrainStorage(
        string name,
        SqliteStorageOptions options,
        SqliteDatabaseRegistry registry,
        IActivatorProvider activators,
        TimeProvider time,
        ILogger<SqliteGrainStorage> logger)
    {
        ArgumentNullException.ThrowIfNull(options.GrainStorageSerializer, "options.GrainStorageSerializer");
        _name = name;
        _options = options;
        _database = registry.Open(options);
        _activators = activators;
        _time = time;
        _logger = logger;
    }

    /// <summary>Creates the named provider from the silo's services (the factory Orleans calls).</summary>
    public static SqliteGrainStorage Create(IServiceProvider services, string name) =>
        new(
            name,
            services.GetRequiredService<IOptionsMonitor<SqliteStorageOptions>>().Get(name),
            services.GetRequiredService<SqliteDatabaseRegistry>(),
            services.GetRequiredService<IActivatorProvider>(),
            services.GetService<TimeProvider>() ?? TimeProvider.System,
            services.GetRequiredService<ILogger<SqliteGrainStorage>>());

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe($"{nameof(SqliteGrainStorage)}-{_name}", _options.InitStage, InitializeAsync, _ => Task.CompletedTask);

    /// <summary>Creates or migrates the schema. Called by the silo lifecycle; tests call it directly.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _database.EnsureSchemaAsync(SqliteSchema.GrainStateComponent, SqliteSchema.GrainStateMigrations, cancellationToken).ConfigureAwait(false);
        LogInitialized(_name, _database.Settings.FilePath);
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var row = await _database.ReadAsync(c => SqliteGrainStateRow.Read(c, stateName, grainId), cancellationToken).ConfigureAwait(false);
        var state = row?.Payload is { } payload ? _options.GrainStorageSerializer.Deserialize<T>(new BinaryData(payload)) : default;
        grainState.State = state ?? CreateInstance<T>();
        grainState.ETag = row?.ETag;
        grainState.RecordExists = row?.Payload is not null;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var payload = _options.GrainStorageSerializer.Serialize(grainState.State).ToArray();
        var expected = grainState.ETag;
        var newETag = NewETag();
        var modified = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var written = await _database
            .WriteAsync(c => SqliteGrainStateRow.Write(c, stateName, grainId, expected, newETag, payload, modified), cancellationToken)
            .ConfigureAwait(false);
        if (!written) throw await ConflictAsync("write", stateName, grainId, expected, cancellationToken).ConfigureAwait(false);
        grainState.ETag = newETag;
        grainState.RecordExists = true;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ClearStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var expected = grainState.ETag;
        string? newETag = null;
        bool cleared;
        if (expected is null)
        {
            // Nothing was read, so there must be nothing to clear; a row means someone else wrote.
            var existing = await _database.ReadAsync(c => SqliteGrainStateRow.Read(c, stateName, grainId), cancellationToken).ConfigureAwait(false);
            cleared = existing is null;
        }
        else if (_options.DeleteStateOnClear)
        {
            cleared = await _database.WriteAsync(c => SqliteGrainStateRow.Delete(c, stateName, grainId, expected), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            newETag = NewETag();
            var modified = _time.GetUtcNow().ToUnixTimeMilliseconds();
            cleared = await _database
                .WriteAsync(c => SqliteGrainStateRow.Tombstone(c, stateName, grainId, expected, newETag, modified), cancellationToken)
                .ConfigureAwait(false);
        }

        if (!cleared) throw await ConflictAsync("clear", stateName, grainId, expected, cancellationToken).ConfigureAwait(false);
        grainState.ETag = newETag;
        grainState.RecordExists = false;
        grainState.State = CreateInstance<T>();
    }

    private async Task<InconsistentStateException> ConflictAsync(string operation, string stateName, GrainId grainId, string? expected, CancellationToken cancellationToken)
    {
        SqliteGrainStateRow? current = null;
        try
        {
            current = await _database.ReadAsync(c => SqliteGrainStateRow.Read(c, stateName, grainId), cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException ex)
        {
            LogConflictLookupFailed(ex, grainId, stateName);
        }

        LogConflict(operation, _name, grainId, stateName, expected, current?.ETag);
        return new InconsistentStateException(
            $"ETag conflict on {operation} in SQLite grain storage '{_name}': GrainId={grainId} State={stateName} ETag={expected ?? "(none)"} stored ETag={current?.ETag ?? "(no row)"}",
            current?.ETag,
            expected);
    }

    private static string NewETag() => Guid.NewGuid().ToString("N");

    private T CreateInstance<T>() => _activators.GetActivator<T>().Create();

    [LoggerMessage(Level = LogLevel.Information, Message = "SQLite grain storage '{Name}' ready at {FilePath}")]
    private partial void LogInitialized(string name, string filePath);

    [LoggerMessage(Level = LogLevel.Debug, Message = "ETag conflict on {Operation} in SQLite grain storage '{Name}': GrainId={GrainId} State={StateName} ETag={ETag} stored={StoredETag}")]
    private partial void LogConflict(string operation, string name, GrainId grainId, string stateName, string? eTag, string? storedETag);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the stored ETag after a conflict: GrainId={GrainId} State={StateName}")]
    private partial void LogConflictLookupFailed(Exception exception, GrainId grainId, string stateName);
}
