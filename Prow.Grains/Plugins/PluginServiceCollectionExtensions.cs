using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Prometheus;
using Prow.Abstractions.PluginHelp;
using Prow.Grains.Jobs;
using Prow.Grains.Plugins.Hold;
using Prow.Grains.Plugins.Trigger;
using Prow.Grains.Ports;

namespace Prow.Grains.Plugins;

public static class PluginServiceCollectionExtensions
{
    /// <summary>
    /// Registers the built-in plugins (listed here, explicitly), the dispatcher, plugin help and the plugin
    /// metrics. The host provides <c>IGitHub</c>, <c>IConfigSource</c> and an <c>IExternalPluginSender</c>.
    /// </summary>
    public static IServiceCollection AddProwPlugins(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => new PluginMetrics(Metrics.DefaultRegistry));
        // Resolved lazily: plugins are built where no silo runs (tools, tests), and only creating a job needs grains.
        services.TryAddSingleton<IProwJobCreator>(sp => new GrainProwJobCreator(() => sp.GetRequiredService<IGrainFactory>()));
        services.TryAddSingleton(sp => new PluginCatalog(
        [
            ActivatorUtilities.CreateInstance<HoldPlugin>(sp),
            ActivatorUtilities.CreateInstance<TriggerPlugin>(sp),
        ]));
        services.TryAddSingleton<IPluginDispatcher, PluginDispatcher>();
        services.TryAddSingleton<IPluginHelpProvider, PluginHelpBuilder>();
        return services;
    }
}
