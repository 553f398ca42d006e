using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Prow.Abstractions.Jobs;

namespace Prow.Silo.Adapters.Local;

/// <summary>
/// The environment Prow gives a job's test container, for local processes: the decorated pod's
/// variables (one implementation, checked against Prow's golden pods) and the list of every
/// variable Prow may set, to clear from what a process inherits.
/// </summary>
internal static class JobEnvironment
{
    /// <summary>
    /// Every variable Prow may set (downwardapi's EnvForType for a presubmit, plus ARTIFACTS): those a
    /// job does not get are removed from the environment it inherits from the host, so a periodic
    /// started by a host that itself runs in CI does not see that CI's PULL_NUMBER.
    /// </summary>
    public static readonly IReadOnlyList<string> AllNames =
    [
        "CI", "JOB_NAME", "JOB_SPEC", "JOB_TYPE", "PROW_JOB_ID", "BUILD_ID", "BUILD_NUMBER",
        "REPO_OWNER", "REPO_NAME", "SRC_BASE", "SRC_HOST", "PULL_BASE_REF", "PULL_BASE_SHA", "PULL_REFS",
        "PULL_NUMBER", "PULL_PULL_SHA", "PULL_HEAD_REF", "PULL_TITLE", "TRIGGER_COMMENT_ID", "TRIGGER_COMMENT_URL",
        "ARTIFACTS",
    ];

    /// <summary>
    /// Prow's variables for <paramref name="job"/> (the decorated pod's, <see cref="Kubernetes.Decoration.JobEnvironment"/>),
    /// sorted by name, plus BUILD_NUMBER: Prow sets it only for the kubernetes agent, and local jobs stand in for pods.
    /// </summary>
    public static SortedDictionary<string, string> ForJob(ProwJob job) =>
        new(Kubernetes.Decoration.JobEnvironment.ForJob(job), StringComparer.Ordinal)
        {
            [Kubernetes.Decoration.JobEnvironment.BuildNumber] = job.Status.BuildId,
        };
}
