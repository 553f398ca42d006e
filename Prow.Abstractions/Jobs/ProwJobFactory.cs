using Prow.Abstractions.Config.Jobs;
using Cfg = Prow.Abstractions.Config.Jobs;

namespace Prow.Abstractions.Jobs;

/// <summary>
/// Builds ProwJobs from job configs as Prow's <c>pjutil</c> does (NewProwJob, NewPresubmit,
/// PresubmitSpec, PostsubmitSpec, PeriodicSpec, BatchSpec). Pure: the name comes from an injected
/// generator (a random UUID by default) and the times from the injected clock. The caller sets
/// <c>metadata.namespace</c> (Prow's prowjob_namespace), as Prow's callers do.
/// </summary>
public sealed class ProwJobFactory(TimeProvider time, Func<Guid>? newId = null)
{
    private readonly Func<Guid> _newId = newId ?? Guid.NewGuid;

    /// <summary>
    /// Prow's <c>NewProwJob</c>: labels and annotations from the spec plus the extras, reporting
    /// defaults applied, a new UUID name, start (and creation) time now, state triggered (or
    /// scheduling when the scheduler is enabled).
    /// </summary>
    public ProwJob NewProwJob(
        ProwJobSpec spec,
        IReadOnlyDictionary<string, string>? extraLabels = null,
        IReadOnlyDictionary<string, string>? extraAnnotations = null,
        bool requireScheduling = false)
    {
        var (labels, annotations) = ProwJobLabels.ForSpec(spec, extraLabels, extraAnnotations);
        // The report default looks at an empty job_states_to_report, which a JSON copy drops: decide first.
        var report = ReportDefault(spec);
        var copy = ProwJobJson.FromNode(ProwJobJson.ToNode(new ProwJob { Spec = spec })).Spec;
        if (report is not null) copy.ReporterConfig!.Slack!.Report = report;
        var now = time.GetUtcNow();
        return new ProwJob
        {
            Metadata = new ObjectMeta
            {
                Name = _newId().ToString("D"),
                Labels = labels,
                Annotations = annotations,
                CreationTimestamp = now,
            },
            Spec = copy,
            Status = new ProwJobStatus
            {
                StartTime = now,
                State = requireScheduling ? ProwJobState.Scheduling : ProwJobState.Triggered,
            },
        };
    }

    /// <summary>
    /// Prow's <c>NewPresubmit</c>: the job's labels, then <paramref name="additionalLabels"/>, then
    /// event-GUID and prow.k8s.io/is-optional; the job's annotations.
    /// </summary>
    public ProwJob NewPresubmit(
        Presubmit job, Refs refs, string eventGuid,
        IReadOnlyDictionary<string, string>? additionalLabels = null, bool requireScheduling = false)
    {
        var labels = new Dictionary<string, string>(job.Labels ?? [], StringComparer.Ordinal);
        foreach (var (key, value) in additionalLabels ?? new Dictionary<string, string>()) labels[key] = value;
        labels[ProwJobLabels.EventGuid] = eventGuid;
        labels[ProwJobLabels.IsOptional] = job.Optional ? "true" : "false";
        return NewProwJob(PresubmitSpec(job, refs), labels, job.Annotations, requireScheduling);
    }

    /// <summary>What trigger does on a push: the job's labels plus event-GUID, its annotations.</summary>
    public ProwJob NewPostsubmit(Postsubmit job, Refs refs, string eventGuid, bool requireScheduling = false)
    {
        var labels = new Dictionary<string, string>(job.Labels ?? [], StringComparer.Ordinal) { [ProwJobLabels.EventGuid] = eventGuid };
        return NewProwJob(PostsubmitSpec(job, refs), labels, job.Annotations, requireScheduling);
    }

    /// <summary>What horologium does: the job's labels and annotations.</summary>
    public ProwJob NewPeriodic(Periodic job, bool requireScheduling = false) =>
        NewProwJob(PeriodicSpec(job), job.Labels, job.Annotations, requireScheduling);

    /// <summary>What Tide does for a batch: the job's labels plus created-by-tide, its annotations.</summary>
    public ProwJob NewBatch(Presubmit job, Refs refs, bool requireScheduling = false)
    {
        var labels = new Dictionary<string, string>(job.Labels ?? [], StringComparer.Ordinal) { [ProwJobLabels.CreatedByTide] = "true" };
        return NewProwJob(BatchSpec(job, refs), labels, job.Annotations, requireScheduling);
    }

    /// <summary>Prow's <c>PresubmitSpec</c>: context, report unless skip_report, rerun command, refs completed.</summary>
    public static ProwJobSpec PresubmitSpec(Presubmit job, Refs refs)
    {
        var spec = SpecFromJobBase(job);
        spec.Type = ProwJobType.Presubmit;
        spec.Context = job.Context;
        spec.Report = !job.SkipReport;
        spec.RerunCommand = job.RerunCommand;
        spec.JenkinsSpec = ConfigConversion.ToJenkinsSpec(job.JenkinsSpec);
        spec.Refs = CompletePrimaryRefs(refs, job);
        return spec;
    }

    /// <summary>Prow's <c>PostsubmitSpec</c>: context, report unless skip_report, refs completed.</summary>
    public static ProwJobSpec PostsubmitSpec(Postsubmit job, Refs refs)
    {
        var spec = SpecFromJobBase(job);
        spec.Type = ProwJobType.Postsubmit;
        spec.Context = job.Context;
        spec.Report = !job.SkipReport;
        spec.Refs = CompletePrimaryRefs(refs, job);
        spec.JenkinsSpec = ConfigConversion.ToJenkinsSpec(job.JenkinsSpec);
        return spec;
    }

    /// <summary>Prow's <c>PeriodicSpec</c>: always reported, no context, no refs (only extra_refs).</summary>
    public static ProwJobSpec PeriodicSpec(Periodic job)
    {
        var spec = SpecFromJobBase(job);
        spec.Report = true;
        spec.Type = ProwJobType.Periodic;
        return spec;
    }

    /// <summary>Prow's <c>BatchSpec</c>: context and refs completed; report is left false as in Prow.</summary>
    public static ProwJobSpec BatchSpec(Presubmit job, Refs refs)
    {
        var spec = SpecFromJobBase(job);
        spec.Type = ProwJobType.Batch;
        spec.Context = job.Context;
        spec.Refs = CompletePrimaryRefs(refs, job);
        return spec;
    }

    /// <summary>Prow's <c>specFromJobBase</c>: the fields every job type shares, deep-copied.</summary>
    public static ProwJobSpec SpecFromJobBase(JobBase job) => new()
    {
        Job = job.Name,
        Agent = job.Agent,
        Cluster = job.Cluster,
        Namespace = job.Namespace ?? "",
        MaxConcurrency = job.MaxConcurrency,
        ErrorOnEviction = job.ErrorOnEviction,
        ExtraRefs = DecorateExtraRefs(job),
        DecorationConfig = ConfigConversion.ToDecorationConfig(job.DecorationConfig),
        PodSpec = ConfigConversion.Clone(job.Spec),
        PipelineRunSpec = ConfigConversion.Clone(job.PipelineRunSpec),
        TektonPipelineRunSpec = ConfigConversion.ToTekton(job.TektonPipelineRunSpec),
        BuildSpec = ConfigConversion.Clone(job.BuildSpec),
        ReporterConfig = ConfigConversion.ToReporterConfig(job.ReporterConfig),
        RerunAuthConfig = ConfigConversion.ToRerunAuthConfig(job.RerunAuthConfig),
        Hidden = job.Hidden,
        ProwJobDefault = ConfigConversion.ToProwJobDefault(job.ProwJobDefault),
        JobQueueName = job.JobQueueName,
    };

    /// <summary>
    /// Prow's <c>CompletePrimaryRefs</c>: the job's path_alias, clone_uri, skip_submodules, clone_depth
    /// and skip_fetch_head over the refs; blobless_fetch and sparse_checkout_files from decoration.
    /// </summary>
    public static Refs CompletePrimaryRefs(Refs refs, JobBase job)
    {
        var r = refs.Clone();
        if (job.PathAlias.Length > 0) r.PathAlias = job.PathAlias;
        if (job.CloneUri.Length > 0) r.CloneUri = job.CloneUri;
        if (job.SkipSubmodules) r.SkipSubmodules = true;
        if (job.CloneDepth > 0) r.CloneDepth = job.CloneDepth;
        if (job.SkipFetchHead) r.SkipFetchHead = true;
        DecorateRefs(r, job.DecorationConfig);
        if (job.DecorationConfig?.SparseCheckoutFiles is { Count: > 0 } files) r.SparseCheckoutFiles = files.ToList();
        return r;
    }

    /// <summary>
    /// Prow's <c>setReportDefault</c>: when Slack's report flag is unset, false for an empty
    /// job_states_to_report and true otherwise; null when there is nothing to default.
    /// </summary>
    public static bool? ReportDefault(ProwJobSpec spec) =>
        spec.ReporterConfig?.Slack is { Report: null } slack ? slack.JobStatesToReport is not { Count: 0 } : null;

    private static List<Refs>? DecorateExtraRefs(JobBase job)
    {
        if (job.ExtraRefs is not { Count: > 0 } extra) return null;
        return extra.Select(r =>
        {
            var refs = ConfigConversion.ToRefs(r);
            DecorateRefs(refs, job.DecorationConfig);
            return refs;
        }).ToList();
    }

    private static void DecorateRefs(Refs refs, Cfg.DecorationConfig? decoration)
    {
        if (decoration is not null) refs.BloblessFetch ??= decoration.BloblessFetch;
    }
}
