using k8s;
using k8s.KubeConfigModels;

namespace Prow.Silo.Adapters.Kubernetes;

/// <summary>
/// One Kubernetes client per build cluster alias. Aliases are kubeconfig context names (Prow's
/// <c>--kubeconfig</c> / <c>--kubeconfig-dir</c>); <c>default</c> runs the jobs without
/// <c>spec.cluster</c> and must exist. Without a kubeconfig, in a pod, the in-cluster configuration is
/// <c>default</c>.
/// </summary>
public sealed class KubernetesClusters : IDisposable
{
    public const string DefaultAlias = "default";

    private readonly Dictionary<string, IKubernetes> _clients;

    public KubernetesClusters(IReadOnlyDictionary<string, KubernetesClientConfiguration> configurations)
    {
        _clients = configurations.ToDictionary(kv => kv.Key, kv => (IKubernetes)new k8s.Kubernetes(kv.Value), StringComparer.Ordinal);
    }

    /// <summary>No build cluster at all (jobs can still run on other agents).</summary>
    public static KubernetesClusters None { get; } = new(new Dictionary<string, KubernetesClientConfiguration>());

    public IReadOnlyCollection<string> Aliases => _clients.Keys.Order(StringComparer.Ordinal).ToList();

    public IKubernetes? Client(string alias) => _clients.GetValueOrDefault(alias);

    /// <summary>
    /// The clusters the options name: every context of <see cref="KubernetesBuildClusterOptions.Kubeconfig"/>
    /// and of the files in <see cref="KubernetesBuildClusterOptions.KubeconfigDir"/>; else the in-cluster
    /// configuration as <c>default</c> when running in a pod (or when asked to); else none.
    /// </summary>
    public static KubernetesClusters Load(KubernetesBuildClusterOptions options) => new(LoadConfigurations(options));

    /// <summary>The client configurations <see cref="Load"/> builds clients from (reads the kubeconfig files now; throws on a bad one).</summary>
    public static IReadOnlyDictionary<string, KubernetesClientConfiguration> LoadConfigurations(KubernetesBuildClusterOptions options)
    {
        if (options.Contexts is { } explicitContexts) return explicitContexts;
        var files = new List<string>();
        if (!string.IsNullOrEmpty(options.Kubeconfig)) files.Add(options.Kubeconfig);
        if (!string.IsNullOrEmpty(options.KubeconfigDir))
        {
            if (!Directory.Exists(options.KubeconfigDir)) throw new InvalidOperationException($"--kubeconfig-dir {options.KubeconfigDir} does not exist");
            files.AddRange(Directory.GetFiles(options.KubeconfigDir).Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal));
        }
        if (files.Count > 0) return LoadKubeconfigs(files);
        if (options.InCluster ?? KubernetesClientConfiguration.IsInCluster())
        {
            return new Dictionary<string, KubernetesClientConfiguration>
            {
                [DefaultAlias] = KubernetesClientConfiguration.InClusterConfig(),
            };
        }
        return new Dictionary<string, KubernetesClientConfiguration>();
    }

    /// <summary>One configuration per context of the kubeconfig files; a context name may appear once, and "default" must.</summary>
    public static Dictionary<string, KubernetesClientConfiguration> LoadKubeconfigs(IEnumerable<string> paths)
    {
        var configurations = new Dictionary<string, KubernetesClientConfiguration>(StringComparer.Ordinal);
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            K8SConfiguration kubeconfig;
            try
            {
                kubeconfig = KubernetesClientConfiguration.LoadKubeConfig(new FileInfo(path));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or YamlDotNet.Core.YamlException or k8s.Exceptions.KubeConfigException)
            {
                throw new InvalidOperationException($"cannot read kubeconfig {path}: {ex.Message}", ex);
            }
            foreach (var context in kubeconfig.Contexts ?? [])
            {
                if (sources.TryGetValue(context.Name, out var first))
                    throw new InvalidOperationException($"kubeconfig context \"{context.Name}\" is in both {first} and {path}");
                sources[context.Name] = path;
                configurations[context.Name] = KubernetesClientConfiguration.BuildConfigFromConfigObject(kubeconfig, context.Name);
            }
        }
        if (!configurations.ContainsKey(DefaultAlias))
        {
            throw new InvalidOperationException(
                $"the kubeconfig has no context named \"{DefaultAlias}\", where jobs without spec.cluster run (contexts: {string.Join(", ", configurations.Keys.Order(StringComparer.Ordinal))})");
        }
        return configurations;
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values) client.Dispose();
    }
}
