using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Prow.Grains.Ports;

namespace Prow.Silo.Adapters.Local;

public static class LocalAgentServiceCollectionExtensions
{
    /// <summary>The key of the local agent's <see cref="IBuildCluster"/> among keyed services: "local/default".</summary>
    public const string ServiceKey = LocalProcessCluster.Agent + "/" + LocalProcessCluster.Cluster;

    /// <summary>
    /// Registers <see cref="LocalProcessCluster"/> (singleton; also the keyed <see cref="IBuildCluster"/>
    /// <see cref="ServiceKey"/>). Needs an <see cref="IWorkloadEvents"/>; uses the registered
    /// <see cref="TimeProvider"/> (system time when none). Disposing the provider kills runs still going.
    /// </summary>
    public static IServiceCollection AddLocalBuildAgent(this IServiceCollection services, LocalAgentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.DataDirectory)) throw new ArgumentException("LocalAgentOptions.DataDirectory is required", nameof(options));
        services.AddSingleton(sp => new LocalProcessCluster(
            options,
            sp.GetRequiredService<IWorkloadEvents>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            (sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger<LocalProcessCluster>()));
        services.AddKeyedSingleton<IBuildCluster>(ServiceKey, (sp, _) => sp.GetRequiredService<LocalProcessCluster>());
        return services;
    }
}
