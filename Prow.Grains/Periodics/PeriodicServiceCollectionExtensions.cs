using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Prow.Grains.Periodics;

public static class PeriodicServiceCollectionExtensions
{
    /// <summary>
    /// Runs the configured periodics (horologium): once the silo is active and after every
    /// configuration reload the periodic grains are synced with the configuration. The host provides
    /// <c>IConfigSource</c>; options: <see cref="PeriodicOptions"/>.
    /// </summary>
    public static IServiceCollection AddPeriodics(this IServiceCollection services)
    {
        services.AddOptions<PeriodicOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PeriodicsStartup>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILifecycleParticipant<ISiloLifecycle>, PeriodicsStartup>(
            sp => sp.GetRequiredService<PeriodicsStartup>()));
        return services;
    }
}
