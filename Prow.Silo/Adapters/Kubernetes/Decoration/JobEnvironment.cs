using System.Globalization;
using Prow.Abstractions.Jobs;

namespace Prow.Silo.Adapters.Kubernetes.Decoration;

/// <summary>
/// The environment Prow gives a job's test containers (Prow's <c>downwardapi</c> package): CI, JOB_NAME,
/// JOB_TYPE, JOB_SPEC, BUILD_ID, PROW_JOB_ID, BUILD_NUMBER (kubernetes agent), and for jobs on a
/// repository REPO_OWNER, REPO_NAME, SRC_HOST, SRC_BASE, PULL_BASE_REF, PULL_BASE_SHA, PULL_REFS, plus
/// PULL_NUMBER, PULL_PULL_SHA, PULL_HEAD_REF, PULL_TITLE for presubmits.
/// </summary>
public static class JobEnvironment
{
    public const string CI = "CI";
    public const string JobSpec = "JOB_SPEC";
    public const string JobName = "JOB_NAME";
    public const string JobType = "JOB_TYPE";
    public const string ProwJobId = "PROW_JOB_ID";
    public const string BuildId = "BUILD_ID";
    /// <summary>Deprecated in Prow; only set for the kubernetes agent.</summary>
    public const string BuildNumber = "BUILD_NUMBER";
    public const string RepoOwner = "REPO_OWNER";
    public const string RepoName = "REPO_NAME";
    public const string SrcBase = "SRC_BASE";
    public const string SrcHost = "SRC_HOST";
    public const string PullBaseRef = "PULL_BASE_REF";
    public const string PullBaseSha = "PULL_BASE_SHA";
    public const string PullRefs = "PULL_REFS";
    public const string PullNumber = "PULL_NUMBER";
    public const string PullPullSha = "PULL_PULL_SHA";
    public const string PullHeadRef = "PULL_HEAD_REF";
    public const string PullTitle = "PULL_TITLE";

    /// <summary>GitHub's host, the default SRC_HOST and clone path host.</summary>
    public const string DefaultHost = "github.com";

    /// <summary>
    /// The variables for <paramref name="job"/> (Prow's <c>EnvForSpec(NewJobSpec(spec, buildID, name))</c>),
    /// unordered: the pod builder sorts them by name, as Prow does.
    /// </summary>
    /// <exception cref="ArgumentException">A job that is not periodic has no refs (Prow would crash).</exception>
    public static Dictionary<string, string> ForJob(ProwJob job)
    {
        var spec = job.Spec;
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [CI] = "true",
            [JobName] = spec.Job,
            [BuildId] = job.Status.BuildId,
            [ProwJobId] = job.Name,
            [JobType] = ProwJobLabels.TypeName(spec.Type),
        };
        if (spec.Agent == ProwJobAgents.Kubernetes) env[BuildNumber] = job.Status.BuildId;
        env[JobSpec] = EncodeJobSpec(job);

        if (spec.Type == ProwJobType.Periodic) return env;

        var refs = spec.Refs ?? throw new ArgumentException($"prowjob \"{job.Name}\" of type {ProwJobLabels.TypeName(spec.Type)} has no refs", nameof(job));
        env[RepoOwner] = refs.Org;
        env[RepoName] = refs.Repo;

        var (srcHost, srcBase) = (DefaultHost, $"{refs.Org}/{refs.Repo}");
        if (refs.PathAlias.Length > 0) (srcHost, srcBase) = SplitHost(refs.PathAlias, srcBase);
        else if (refs.RepoLink.Length > 0) (srcHost, srcBase) = SplitHost(refs.RepoLink.Split("://")[^1], srcBase);
        env[SrcHost] = srcHost;
        env[SrcBase] = srcBase;

        env[PullBaseRef] = refs.BaseRef;
        env[PullBaseSha] = refs.BaseSha;
        env[PullRefs] = refs.ToString();

        if (spec.Type is ProwJobType.Postsubmit or ProwJobType.Batch) return env;

        var pull = refs.Pulls is { Count: > 0 } pulls
            ? pulls[0]
            : throw new ArgumentException($"presubmit prowjob \"{job.Name}\" has no pull", nameof(job));
        env[PullNumber] = pull.Number.ToString(CultureInfo.InvariantCulture);
        env[PullPullSha] = pull.Sha;
        env[PullHeadRef] = pull.HeadRef;
        env[PullTitle] = pull.Title;
        return env;
    }

    /// <summary>
    /// JOB_SPEC: Prow's <c>downwardapi.JobSpec</c> as JSON (type, job, buildid, prowjobid, refs,
    /// extra_refs, decoration_config), which the pod utilities and many test scripts read.
    /// </summary>
    public static string EncodeJobSpec(ProwJob job)
    {
        var json = new GoJsonWriter();
        json.String("type", ProwJobLabels.TypeName(job.Spec.Type));
        json.String("job", job.Spec.Job);
        json.String("buildid", job.Status.BuildId);
        json.String("prowjobid", job.Name);
        json.ProwJobValue("refs", job.Spec.Refs);
        if (job.Spec.ExtraRefs is { Count: > 0 } extraRefs) json.ProwJobValue("extra_refs", extraRefs);
        json.ProwJobValue("decoration_config", job.Spec.DecorationConfig);
        return json.Finish();
    }

    // "host/base" splits at the first slash; a value without one is only the host.
    private static (string Host, string Base) SplitHost(string hostAndPath, string defaultBase)
    {
        var slash = hostAndPath.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? (hostAndPath, defaultBase) : (hostAndPath[..slash], hostAndPath[(slash + 1)..]);
    }
}
