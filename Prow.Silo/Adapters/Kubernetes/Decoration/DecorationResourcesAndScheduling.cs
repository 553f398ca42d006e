using k8s;
using k8s.Models;
using Prow.Abstractions.Jobs;

namespace Prow.Silo.Adapters.Kubernetes.Decoration;

/// <summary>
/// The parts of decoration that change the test containers' resources and the pod's scheduling:
/// default_memory_request, run_as_user/run_as_group/fs_group, scheduling_options and
/// set_limit_equals_memory_request, in Prow's order. Values the job set itself are kept.
/// </summary>
internal static class DecorationResourcesAndScheduling
{
    private const string Memory = "memory";

    public static void Apply(V1PodSpec spec, IList<V1Container> containers, DecorationConfig dc)
    {
        if (!string.IsNullOrEmpty(dc.DefaultMemoryRequest))
        {
            foreach (var container in containers)
            {
                if (container.Resources?.Requests?.ContainsKey(Memory) == true) continue;
                container.Resources ??= new V1ResourceRequirements();
                container.Resources.Requests ??= new Dictionary<string, ResourceQuantity>();
                container.Resources.Requests[Memory] = new ResourceQuantity(dc.DefaultMemoryRequest);
            }
        }

        spec.SecurityContext ??= new V1PodSecurityContext();
        if (dc.RunAsUser is { } user && spec.SecurityContext.RunAsUser is null) spec.SecurityContext.RunAsUser = user;
        if (dc.RunAsGroup is { } group && spec.SecurityContext.RunAsGroup is null) spec.SecurityContext.RunAsGroup = group;
        if (dc.FsGroup is { } fsGroup && spec.SecurityContext.FsGroup is null) spec.SecurityContext.FsGroup = fsGroup;

        if (dc.SchedulingOptions is { } scheduling)
        {
            if (scheduling.Affinity is { } affinity && spec.Affinity is null)
                spec.Affinity = KubernetesJson.Deserialize<V1Affinity>(affinity.ToJsonString());
            if (scheduling.Tolerations is { } tolerations && spec.Tolerations is null)
                spec.Tolerations = KubernetesJson.Deserialize<List<V1Toleration>>(tolerations.ToJsonString());
        }

        if (dc.SetLimitEqualsMemoryRequest == true)
        {
            foreach (var container in containers)
            {
                if (container.Resources?.Requests is not { } requests || !requests.TryGetValue(Memory, out var request)) continue;
                container.Resources.Limits ??= new Dictionary<string, ResourceQuantity>();
                container.Resources.Limits[Memory] = request;
            }
        }
    }
}
