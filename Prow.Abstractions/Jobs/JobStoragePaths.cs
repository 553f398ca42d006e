namespace Prow.Abstractions.Jobs;

/// <summary>
/// Where a decorated job's logs and artifacts live in its bucket, as Prow's gcsupload computes it
/// (<c>PathsForJob</c> over <c>gcs.PathForSpec</c>): <c>logs/JOB/BUILD</c> for periodics and
/// postsubmits, <c>pr-logs/pull/REPO-SEGMENT/PR/JOB/BUILD</c> for presubmits,
/// <c>pr-logs/pull/batch/JOB/BUILD</c> for batches, under the configured <c>path_prefix</c>.
/// </summary>
public static class JobStoragePaths
{
    /// <summary>The job's directory in its bucket (no leading slash). Throws <see cref="ArgumentException"/> when the job cannot have one.</summary>
    public static string ForJob(GcsConfiguration gcs, ProwJob job)
    {
        var spec = job.Spec;
        var build = job.Status.BuildId;
        string basePath;
        switch (spec.Type)
        {
            case ProwJobType.Periodic or ProwJobType.Postsubmit:
                basePath = Join("logs", spec.Job, build);
                break;
            case ProwJobType.Presubmit:
                if (spec.Refs is not { Pulls: [var pull, ..] } refs)
                    throw new ArgumentException($"presubmit {job.Name} has no pull request in its refs, so it has no pr-logs path");
                basePath = Join("pr-logs", "pull", RepoSegment(gcs, refs.Org, refs.Repo), pull.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), spec.Job, build);
                break;
            case ProwJobType.Batch:
                basePath = Join("pr-logs", "pull", "batch", spec.Job, build);
                break;
            default:
                throw new ArgumentException($"job {job.Name} has type {spec.Type}, which has no storage path");
        }
        return gcs.PathPrefix.Length == 0 ? basePath : Join(gcs.PathPrefix, basePath);
    }

    /// <summary>
    /// The repository's part of a presubmit path by <c>path_strategy</c>: <c>explicit</c> always
    /// <c>org_repo</c>; <c>legacy</c> drops the default org (and the default repo entirely);
    /// <c>single</c> drops only the default org/repo pair.
    /// </summary>
    public static string RepoSegment(GcsConfiguration gcs, string org, string repo)
    {
        var isDefaultOrg = org == gcs.DefaultOrg;
        var isDefaultRepo = isDefaultOrg && repo == gcs.DefaultRepo;
        return gcs.PathStrategy switch
        {
            "legacy" when isDefaultRepo => "",
            "legacy" when isDefaultOrg => repo,
            "single" when isDefaultRepo => "",
            _ => $"{org}_{repo}",
        };
    }

    /// <summary>
    /// A <c>bucket</c> value's storage provider and bucket name: <c>gs://name</c>, <c>s3://name</c>, or a bare
    /// name (GCS), as Prow's ParsePath reads it. Throws <see cref="ArgumentException"/> for a value that is no bucket.
    /// </summary>
    public static (string Provider, string Bucket) ParseBucket(string bucket)
    {
        var value = bucket.Contains("://", StringComparison.Ordinal) ? bucket : "gs://" + bucket;
        var scheme = value[..value.IndexOf("://", StringComparison.Ordinal)];
        var rest = value[(scheme.Length + 3)..];
        var slash = rest.IndexOf('/');
        var name = slash < 0 ? rest : rest[..slash];
        if (scheme.Length == 0 || name.Length == 0)
            throw new ArgumentException($"bucket \"{bucket}\" names no storage bucket");
        return (scheme, name);
    }

    /// <summary>Go's path.Join: the non-empty parts joined by '/', then cleaned.</summary>
    public static string Join(params string[] parts)
    {
        var segments = new List<string>();
        var rooted = parts.FirstOrDefault(p => p.Length > 0)?.StartsWith('/') == true;
        foreach (var part in parts)
        {
            foreach (var segment in part.Split('/'))
            {
                if (segment.Length == 0 || segment == ".") continue;
                if (segment == "..")
                {
                    if (segments.Count > 0 && segments[^1] != "..") segments.RemoveAt(segments.Count - 1);
                    else if (!rooted) segments.Add("..");
                    continue;
                }
                segments.Add(segment);
            }
        }
        var joined = string.Join('/', segments);
        return rooted ? "/" + joined : joined;
    }
}
