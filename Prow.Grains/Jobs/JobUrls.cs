using Prow.Abstractions.Config.Controllers;
using Prow.Abstractions.Jobs;
using Prow.Abstractions.Templates;

namespace Prow.Grains.Jobs;

/// <summary>
/// A job's <c>status.url</c>, set when plank starts it, as Prow's pjutil.JobURL builds it: a decorated job
/// with a URL prefix (its <c>gcs_configuration.job_url_prefix</c>, else plank's <c>job_url_prefix_config</c>
/// for its org/repo, org or <c>*</c>) links to the prefix + storage provider + bucket + its upload path;
/// every other job gets <c>plank.job_url_template</c> executed on it. Where neither gives a URL and the
/// host knows its Deck's address, the job's log page on our Deck.
/// </summary>
public static class JobUrls
{
    /// <summary>
    /// The URL, or "" when nothing gives one. Throws <see cref="GoTemplateException"/> when the template fails on this
    /// job and <see cref="ArgumentException"/> when a decorated job's prefix URL cannot be built (no GCS configuration,
    /// a presubmit without a pull); Prow logs both and leaves the URL empty.
    /// </summary>
    public static string For(ProwJob job, PlankConfig plank, Uri? deckUrl = null)
    {
        var url = FromConfig(job, plank);
        return url.Length == 0 && deckUrl is not null ? DeckLogUrl(deckUrl, job) : url;
    }

    /// <summary>The prefix Prow's plank.GetJobURLPrefix picks for the job: its own GCS job_url_prefix, else the most specific job_url_prefix_config key.</summary>
    public static string Prefix(ProwJob job, PlankConfig plank)
    {
        if (job.Spec.DecorationConfig?.GcsConfiguration is { JobUrlPrefix.Length: > 0 } gcs) return gcs.JobUrlPrefix;
        var config = plank.JobUrlPrefixConfig;
        if (config is null) return "";
        var refs = job.Spec.Refs ?? job.Spec.ExtraRefs?.FirstOrDefault();
        if (refs is { Org.Length: > 0 })
        {
            if (config.TryGetValue($"{refs.Org}/{refs.Repo}", out var repoPrefix) && repoPrefix.Length > 0) return repoPrefix;
            if (config.TryGetValue(refs.Org, out var orgPrefix) && orgPrefix.Length > 0) return orgPrefix;
        }
        return config.TryGetValue("*", out var any) ? any : "";
    }

    private static string FromConfig(ProwJob job, PlankConfig plank)
    {
        if (job.Spec.DecorationConfig is { } decoration && Prefix(job, plank) is { Length: > 0 } prefix)
        {
            var gcs = decoration.GcsConfiguration
                ?? throw new ArgumentException($"job {job.Name} is decorated but has no decoration_config.gcs_configuration, so job_url_prefix {prefix} has no path to link to");
            var (provider, bucket) = JobStoragePaths.ParseBucket(gcs.Bucket);
            var path = JobStoragePaths.ForJob(gcs, job);
            return plank.JobUrlPrefixDisableAppendStorageProvider
                ? WithPath(prefix, bucket, path)
                : WithPath(prefix, provider, bucket, path);
        }
        if (plank.JobUrlTemplate.Length == 0) return "";
        return GoTemplate.Cached(plank.JobUrlTemplate).Execute(job);
    }

    /// <summary>The prefix URL with the parts joined onto its path (Go's url.Parse, path.Join, String).</summary>
    private static string WithPath(string prefix, params string[] parts)
    {
        if (!Uri.TryCreate(prefix, UriKind.Absolute, out var uri))
            throw new ArgumentException($"job URL prefix \"{prefix}\" is not an absolute URL");
        var path = JobStoragePaths.Join([uri.AbsolutePath, .. parts]);
        var builder = new UriBuilder(uri) { Path = path.StartsWith('/') ? path : "/" + path };
        return builder.Uri.AbsoluteUri;
    }

    private static string DeckLogUrl(Uri deck, ProwJob job)
    {
        var baseUrl = deck.AbsoluteUri.TrimEnd('/');
        return $"{baseUrl}/log?job={Uri.EscapeDataString(job.Spec.Job)}&id={Uri.EscapeDataString(job.Status.BuildId)}";
    }
}
