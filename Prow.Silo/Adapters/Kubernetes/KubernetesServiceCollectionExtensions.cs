using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Prow.Abstractions.Jobs;
using Prow.Grains.Ports;

namespace Prow.Silo.Adapters.Kubernetes;

public static class KubernetesServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IBuildClusters"/> (<see cref="BuildClusterRegistry"/>) once; other agents add
    /// themselves with <see cref="AddBuildCluster"/>.
    /// </summary>
    public static IServiceCollection AddBuildClusterRegistry(this IServiceCollection services)
    {
        services.TryAddSingleton<BuildClusterRegistry>();
        services.TryAddSingleton<IBuildClusters>(sp => sp.GetRequiredService<BuildClusterRegistry>());
        return services;
    }

    /// <summary>Adds one build cluster of an agent (e.g. <c>local</c>/<c>default</c>) to the registry.</summary>
    public static IServiceCollection AddBuildCluster(this IServiceCollection services, string agent, string cluster, Func<IServiceProvider, IBuildCluster> factory)
    {
        services.AddBuildClusterRegistry();
        services.AddSingleton(sp => new BuildClusterEntry(agent, cluster, factory(sp)));
        return services;
    }

    /// <summary>
    /// Registers the Kubernetes agents on the clusters of <paramref name="options"/> (kubeconfig contexts,
    /// or in-cluster) in the <see cref="IBuildClusters"/> registry, and their informers as a hosted service
    /// reporting to the registered <see cref="IWorkloadEvents"/> (none registered = no informers). The pod
    /// builder is <see cref="KubernetesBuildClusterOptions.PodBuilder"/> or a registered
    /// <c>Func&lt;ProwJob, V1Pod&gt;</c>. Kubeconfig errors surface when the registry is first resolved.
    /// </summary>
    public static IServiceCollection AddKubernetesBuildClusters(this IServiceCollection services, KubernetesBuildClusterOptions options)
    {
        services.AddBuildClusterRegistry();
        services.AddSingleton(sp => new KubernetesBuildClusters(
            KubernetesClusters.Load(options), options, sp.GetService<IWorkloadEvents>(), sp.GetService<Func<ProwJob, V1Pod>>(),
            sp.GetService<TimeProvider>(), sp.GetService<ILoggerFactory>()));
        services.AddSingleton<IBuildClusterProvider>(sp => sp.GetRequiredService<KubernetesBuildClusters>());
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<KubernetesBuildClusters>());
        return services;
    }
}
