using System.Text.Json.Nodes;
using Prow.Abstractions.Jobs;
using Prow.Silo.Adapters.Kubernetes;
using Prow.Silo.Adapters.Kubernetes.Decoration;

namespace Prow.Silo.Tests.Adapters.Kubernetes;

public sealed class JobEnvironmentTests
{
    [Fact]
    public void Presubmit_HasProwsPullVariables()
    {
        var job = KubeTestJobs.Presubmit();
        job.Spec.Refs!.Pulls![0].HeadRef = "feature";
        job.Spec.Refs.Pulls[0].Title = "Fix it";

        var env = JobEnvironment.ForJob(job);

        Assert.Equal(
            ["BUILD_ID", "BUILD_NUMBER", "CI", "JOB_NAME", "JOB_SPEC", "JOB_TYPE", "PROW_JOB_ID", "PULL_BASE_REF", "PULL_BASE_SHA", "PULL_HEAD_REF",
             "PULL_NUMBER", "PULL_PULL_SHA", "PULL_REFS", "PULL_TITLE", "REPO_NAME", "REPO_OWNER", "SRC_BASE", "SRC_HOST"],
            env.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("github.com", env["SRC_HOST"]);
        Assert.Equal("kubernetes/test-infra", env["SRC_BASE"]);
        Assert.Equal("Fix it", env["PULL_TITLE"]);
        Assert.Equal("presubmit", env["JOB_TYPE"]);
        var spec = JsonNode.Parse(env["JOB_SPEC"])!;
        Assert.Equal("presubmit", spec["type"]!.GetValue<string>());
        Assert.Equal("1001", spec["buildid"]!.GetValue<string>());
        Assert.Equal(42, spec["refs"]!["pulls"]![0]!["number"]!.GetValue<int>());
    }

    [Fact]
    public void Postsubmit_HasNoPullVariables_AndPathAliasSetsTheSource()
    {
        var job = KubeTestJobs.Presubmit(agent: ProwJobAgents.TektonPipeline);
        job.Spec.Type = ProwJobType.Postsubmit;
        job.Spec.Refs!.Pulls = null;
        job.Spec.Refs.PathAlias = "k8s.io/test-infra";

        var env = JobEnvironment.ForJob(job);

        Assert.DoesNotContain("PULL_NUMBER", env.Keys);
        Assert.DoesNotContain("BUILD_NUMBER", env.Keys); // only agent kubernetes gets it
        Assert.Equal("k8s.io", env["SRC_HOST"]);
        Assert.Equal("test-infra", env["SRC_BASE"]);
        Assert.Equal("master:base123", env["PULL_REFS"]);
    }

    [Fact]
    public void Periodic_HasOnlyTheBaseVariables()
    {
        var job = KubeTestJobs.Presubmit();
        job.Spec.Type = ProwJobType.Periodic;
        job.Spec.Refs = null;

        Assert.Equal(["BUILD_ID", "BUILD_NUMBER", "CI", "JOB_NAME", "JOB_SPEC", "JOB_TYPE", "PROW_JOB_ID"], JobEnvironment.ForJob(job).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void KnativeWorkDir_FollowsClonePathForRefs()
    {
        Assert.Equal("/workspace/src/github.com/o/r", KnativeBuildCluster.PathForRefs("/workspace", new Refs { Org = "o", Repo = "r" }));
        Assert.Equal("/workspace/src/k8s.io/r", KnativeBuildCluster.PathForRefs("/workspace", new Refs { Org = "o", Repo = "r", PathAlias = "k8s.io/r" }));
        Assert.Equal("/workspace/src/gitlab.com/o/r", KnativeBuildCluster.PathForRefs("/workspace/", new Refs { Org = "o", Repo = "r", RepoLink = "https://gitlab.com/o/r" }));
    }
}
