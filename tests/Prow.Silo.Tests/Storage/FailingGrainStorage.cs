using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Providers;
using Orleans.Storage;
using Prow.Silo.Storage.Sqlite;

namespace Prow.Silo.Tests.Storage;

/// <summary>
/// The host's SQLite grain storage, failing with SQLite's I/O error every write that <c>fails</c> picks (by state name
/// and grain): for tests of what grains do when a write is refused.
/// </summary>
public sealed class FailingGrainStorage(IGrainStorage inner, Func<string, GrainId, bool> fails) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private const string Name = ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME;

    /// <summary>Makes it the silo's default storage, around a new SQLite storage of the host's settings.</summary>
    public static void Install(ISiloBuilder silo, Func<string, GrainId, bool> fails) =>
        silo.Services.AddKeyedSingleton<IGrainStorage>(Name, (sp, _) => new FailingGrainStorage(SqliteGrainStorage.Create(sp, Name), fails));

    /// <summary>True the first time <paramref name="match"/> is, false ever after.</summary>
    public static Func<string, GrainId, bool> Once(Func<string, GrainId, bool> match)
    {
        var used = 0;
        return (state, grain) => match(state, grain) && Interlocked.Exchange(ref used, 1) == 0;
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        fails(stateName, grainId)
            ? Task.FromException(new SqliteException("disk I/O error", 10))
            : inner.WriteStateAsync(stateName, grainId, grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ClearStateAsync(stateName, grainId, grainState);

    public void Participate(ISiloLifecycle lifecycle)
    {
        if (inner is ILifecycleParticipant<ISiloLifecycle> participant) participant.Participate(lifecycle);
    }
}
