using Orleans;
using Orleans.Storage;

namespace Prow.Silo.Storage.Sqlite;

/// <summary>Options of one named SQLite grain storage provider.</summary>
public sealed class SqliteStorageOptions : SqliteDatabaseOptions, IStorageProviderSerializerOptions
{
    /// <summary>Silo lifecycle stage at which the schema is created.</summary>
    public const int DefaultInitStage = ServiceLifecycleStage.ApplicationServices;

    /// <summary>
    /// Serializer of grain state payloads. Left unset, it is filled after configuration with
    /// the serializer registered under the provider's name, else the silo-wide default.
    /// </summary>
    public IGrainStorageSerializer GrainStorageSerializer { get; set; } = null!;

    /// <summary>
    /// When <c>false</c> (default) clearing state leaves a tombstone row: the payload is removed
    /// but the ETag chain continues, so a stale activation cannot resurrect cleared state.
    /// When <c>true</c> the row is deleted.
    /// </summary>
    public bool DeleteStateOnClear { get; set; }

    /// <summary>Silo lifecycle stage at which the provider initialises.</summary>
    public int InitStage { get; set; } = DefaultInitStage;
}
