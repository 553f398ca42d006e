using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Providers;
using Orleans.Storage;

namespace Prow.Silo.Tests.Gateway;

/// <summary>
/// Wraps the host's default grain storage, counting writes per grain; once <see cref="Frozen"/>, writes are dropped
/// (answered as if done): the process "died" at that moment as far as its storage can tell.
/// </summary>
public sealed class FreezableGrainStorage(IGrainStorage inner) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private readonly ConcurrentDictionary<GrainId, int> _writes = new();

    public volatile bool Frozen;

    public int Writes(GrainId grain) => _writes.TryGetValue(grain, out var n) ? n : 0;

    /// <summary>Replaces the default storage registered so far with a wrapper around it; <paramref name="created"/> receives the wrapper.</summary>
    public static void Install(ISiloBuilder silo, Action<FreezableGrainStorage> created)
    {
        var name = ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME;
        var original = silo.Services.Last(d => d.ServiceType == typeof(IGrainStorage) && Equals(d.ServiceKey, name));
        silo.Services.Remove(original);
        silo.Services.AddKeyedSingleton<IGrainStorage>(name, (sp, key) =>
        {
            var wrapper = new FreezableGrainStorage((IGrainStorage)original.KeyedImplementationFactory!(sp, key));
            created(wrapper);
            return wrapper;
        });
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (Frozen) return Task.CompletedTask;
        _writes.AddOrUpdate(grainId, 1, (_, n) => n + 1);
        return inner.WriteStateAsync(stateName, grainId, grainState);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Frozen ? Task.CompletedTask : inner.ClearStateAsync(stateName, grainId, grainState);

    public void Participate(ISiloLifecycle lifecycle)
    {
        if (inner is ILifecycleParticipant<ISiloLifecycle> participant) participant.Participate(lifecycle);
    }
}
