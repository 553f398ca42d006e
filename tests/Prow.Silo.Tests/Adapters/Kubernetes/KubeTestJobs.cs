using k8s.Models;
using Prow.Abstractions.Jobs;

namespace Prow.Silo.Tests.Adapters.Kubernetes;

/// <summary>ProwJobs and a plain pod builder for the adapter tests (the decorated builder is tested elsewhere).</summary>
internal static class KubeTestJobs
{
    public const string PodNamespace = "test-pods";

    public static ProwJob Presubmit(string name = "job-1", string agent = ProwJobAgents.Kubernetes) => new()
    {
        Metadata = new ObjectMeta { Name = name },
        Spec = new ProwJobSpec
        {
            Type = ProwJobType.Presubmit,
            Agent = agent,
            Job = "pull-test-infra-unit",
            Context = "unit",
            Refs = new Refs
            {
                Org = "kubernetes",
                Repo = "test-infra",
                BaseRef = "master",
                BaseSha = "base123",
                Pulls = [new Pull { Number = 42, Author = "alice", Sha = "pull456" }],
            },
        },
        Status = new ProwJobStatus { BuildId = "1001" },
    };

    /// <summary>An undecorated pod: the job's pod_spec container named "test".</summary>
    public static V1Pod Pod(ProwJob job) => new()
    {
        Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["custom"] = "yes" } },
        Spec = new V1PodSpec
        {
            RestartPolicy = "Never",
            Containers = [new V1Container { Name = "test", Image = "alpine", Command = ["true"] }],
        },
    };
}
