using System.Globalization;

namespace Prow.Abstractions.Jobs;

/// <summary>
/// The labels and annotations Prow puts on ProwJobs and their pods (Prow's <c>kube</c> constants and
/// <c>decorate.LabelsAndAnnotationsForSpec</c> / <c>LabelsAndAnnotationsForJob</c>).
/// </summary>
public static class ProwJobLabels
{
    /// <summary>On everything Prow creates, value "true".</summary>
    public const string CreatedByProw = "created-by-prow";
    /// <summary>Added by Tide on the jobs it triggers, value "true".</summary>
    public const string CreatedByTide = "created-by-tide";
    public const string Type = "prow.k8s.io/type";
    public const string Id = "prow.k8s.io/id";
    public const string BuildId = "prow.k8s.io/build-id";
    /// <summary>Label (truncated) and annotation (full) with the job name.</summary>
    public const string Job = "prow.k8s.io/job";
    /// <summary>Label (truncated) and annotation (full) with the status context.</summary>
    public const string Context = "prow.k8s.io/context";
    public const string PlankVersion = "prow.k8s.io/plank-version";
    public const string Org = "prow.k8s.io/refs.org";
    public const string Repo = "prow.k8s.io/refs.repo";
    public const string BaseRef = "prow.k8s.io/refs.base_ref";
    public const string Pull = "prow.k8s.io/refs.pull";
    public const string Retest = "prow.k8s.io/retest";
    public const string IsOptional = "prow.k8s.io/is-optional";
    public const string ReRun = "prow.k8s.io/re-run";
    /// <summary>The GitHub delivery that caused the job (X-GitHub-Delivery).</summary>
    public const string EventGuid = "event-GUID";

    /// <summary>
    /// Labels and annotations for a job with <paramref name="spec"/>: created-by-prow, type, job and
    /// context (labels truncated to 63 bytes, annotations full), refs of the primary (or first extra)
    /// repository, then <paramref name="extraLabels"/> over them; every label value is then made valid
    /// (its last path element) or dropped. Extra annotations are added over the standard ones.
    /// </summary>
    public static (Dictionary<string, string> Labels, Dictionary<string, string> Annotations) ForSpec(
        ProwJobSpec spec, IReadOnlyDictionary<string, string>? extraLabels, IReadOnlyDictionary<string, string>? extraAnnotations)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [CreatedByProw] = "true",
            [Type] = TypeName(spec.Type),
        };
        var annotations = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in new[] { (Job, spec.Job), (Context, spec.Context) })
        {
            labels[key] = LabelValues.Truncate(value);
            annotations[key] = value;
        }

        var refs = spec.Refs ?? (spec.ExtraRefs is { Count: > 0 } extra ? extra[0] : null);
        if (refs is not null)
        {
            labels[Org] = refs.Org;
            labels[Repo] = refs.Repo;
            labels[BaseRef] = refs.BaseRef;
            if (refs.Pulls is { Count: > 0 } pulls) labels[Pull] = pulls[0].Number.ToString(CultureInfo.InvariantCulture);
        }

        foreach (var (key, value) in extraLabels ?? new Dictionary<string, string>()) labels[key] = value;
        foreach (var key in labels.Keys.ToList())
        {
            if (LabelValues.Sanitize(labels[key]) is { } valid) labels[key] = valid;
            else labels.Remove(key);
        }

        foreach (var (key, value) in extraAnnotations ?? new Dictionary<string, string>()) annotations[key] = value;
        return (labels, annotations);
    }

    /// <summary>
    /// Labels and annotations for the job's workload (pod, PipelineRun, process): the ProwJob's own,
    /// plus prow.k8s.io/id (the ProwJob name) and prow.k8s.io/build-id, through <see cref="ForSpec"/>.
    /// </summary>
    public static (Dictionary<string, string> Labels, Dictionary<string, string> Annotations) ForWorkload(ProwJob job)
    {
        var extraLabels = new Dictionary<string, string>(job.Metadata.Labels ?? [], StringComparer.Ordinal)
        {
            [Id] = job.Metadata.Name,
            [BuildId] = job.Status.BuildId,
        };
        return ForSpec(job.Spec, extraLabels, job.Metadata.Annotations);
    }

    /// <summary>Prow's string for a job type ("presubmit"...), "" when unset.</summary>
    public static string TypeName(ProwJobType? type) => type switch
    {
        ProwJobType.Presubmit => "presubmit",
        ProwJobType.Postsubmit => "postsubmit",
        ProwJobType.Periodic => "periodic",
        ProwJobType.Batch => "batch",
        _ => "",
    };
}
