using Microsoft.Extensions.DependencyInjection.Extensions;
using Prow.Grains.Ports;

namespace Prow.Silo.Adapters.ExternalPlugins;

public static class ExternalPluginSenderServiceCollectionExtensions
{
    /// <summary>Registers <see cref="HttpExternalPluginSender"/> as the <see cref="IExternalPluginSender"/> and the service that drains its queue.</summary>
    public static IServiceCollection AddExternalPluginSender(this IServiceCollection services, Action<ExternalPluginSenderOptions>? configure = null)
    {
        services.AddOptions<ExternalPluginSenderOptions>();
        if (configure is not null) services.Configure(configure);
        services.AddHttpClient(HttpExternalPluginSender.HttpClientName);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<HttpExternalPluginSender>();
        services.TryAddSingleton<IExternalPluginSender>(sp => sp.GetRequiredService<HttpExternalPluginSender>());
        services.AddHostedService<ExternalPluginDeliveryService>();
        return services;
    }
}
