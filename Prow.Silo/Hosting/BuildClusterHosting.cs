using Prow.Abstractions.Config;
using Prow.Silo.Adapters.Kubernetes;
using Prow.Silo.Adapters.Kubernetes.Decoration;
using Prow.Silo.Adapters.Local;

namespace Prow.Silo.Hosting;

/// <summary>Registers the build clusters the flags ask for: the local agent and the kubeconfig's clusters.</summary>
public static class BuildClusterHosting
{
    /// <summary>
    /// The kubeconfig is read now, so a bad one stops startup with its path and problem instead of
    /// failing the first job. The pod namespace is the one configured at startup.
    /// </summary>
    public static IServiceCollection AddBuildClusters(this IServiceCollection services, ProwHostOptions options, ProwConfig config)
    {
        services.AddBuildClusterRegistry();
        if (options.LocalAgent)
        {
            services.AddLocalBuildAgent(new LocalAgentOptions { DataDirectory = Path.Combine(options.DataDir, "local"), GitBaseUrl = options.LocalGitBaseUrl });
            services.AddBuildCluster(LocalProcessCluster.Agent, LocalProcessCluster.Cluster, sp => sp.GetRequiredService<LocalProcessCluster>());
        }

        var kubernetes = new KubernetesBuildClusterOptions
        {
            Kubeconfig = options.Kubeconfig,
            KubeconfigDir = options.KubeconfigDir,
            PodNamespace = string.IsNullOrEmpty(config.PodNamespace) ? "default" : config.PodNamespace,
            Agents = new HashSet<string>(options.KubernetesAgents, StringComparer.Ordinal),
            PodBuilder = PodBuilder.ProwJobToPod,
        };
        try
        {
            kubernetes.Contexts = KubernetesClusters.LoadConfigurations(kubernetes);
        }
        catch (InvalidOperationException e)
        {
            throw new BuildClusterConfigurationException(e.Message, e);
        }
        services.AddKubernetesBuildClusters(kubernetes);
        return services;
    }
}

/// <summary>The build clusters the flags name cannot be used (unreadable kubeconfig, no "default" context...).</summary>
public sealed class BuildClusterConfigurationException(string message, Exception inner) : Exception(message, inner);
