using System.Collections.Concurrent;
using Prow.Abstractions.Config.Controllers;
using Prow.Abstractions.Jobs;
using Prow.Abstractions.Templates;

namespace Prow.Grains.Jobs;

/// <summary>
/// A job's <c>status.url</c>, set when plank starts it: <c>plank.job_url_template</c> executed on the
/// ProwJob (Prow's pjutil.JobURL for jobs without a GCS prefix). <c>job_url_prefix_config</c> (the
/// decorated jobs' GCS viewer path) is not built yet: the template is used for every job.
/// </summary>
public static class JobUrls
{
    private static readonly ConcurrentDictionary<string, GoTemplate> Parsed = new(StringComparer.Ordinal);

    /// <summary>The URL, or "" when there is no template; a template that fails on this job throws <see cref="GoTemplateException"/>.</summary>
    public static string For(ProwJob job, PlankConfig plank)
    {
        if (plank.JobUrlTemplate.Length == 0) return "";
        if (Parsed.Count > 64) Parsed.Clear(); // only a handful of configs ever exist; reloads replace them
        return Parsed.GetOrAdd(plank.JobUrlTemplate, GoTemplate.Parse).Execute(job);
    }
}
