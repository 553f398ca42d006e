using System.Runtime.CompilerServices;
using Prow.Abstractions.Config;
using Prow.Abstractions.Jobs;
using Prow.Abstractions.Templates;
using Prow.Grains.Jobs;
using JobSlackConfig = Prow.Abstractions.Jobs.SlackReporterConfig;

namespace Prow.Grains.Crier;

/// <summary>Where and what a job's Slack report goes: the merged job-level and global config.</summary>
public sealed record SlackTarget(string Host, string Channel, IReadOnlyList<ProwJobState>? JobStatesToReport, string ReportTemplate, bool? Report);

/// <summary>
/// Crier's slackreporter rules (Prow's <c>crier/reporters/slack</c>), pure: the global config for a job
/// (<c>slack_reporter_configs</c>, most specific key wins), merged with the job's <c>reporter_config.slack</c>,
/// whether a state is reported, and the message text.
/// </summary>
public static class SlackReport
{
    /// <summary>The reporter's name, the key of <c>status.prev_report_states</c>.</summary>
    public const string ReporterName = "slackreporter";

    /// <summary>The Slack host of configs without one.</summary>
    public const string DefaultHost = "*";

    /// <summary>A config's job_states_to_report parsed once per loaded list (a reload brings new lists), not on every pass.</summary>
    private static readonly ConditionalWeakTable<List<string>, List<ProwJobState>> ParsedStates = new();

    private static List<ProwJobState> Parse(List<string> names) => [.. names.Select(ConfigConversion.ParseState).OfType<ProwJobState>()];

    /// <summary>
    /// Prow's <c>SlackReporterConfigs.GetSlackReporter</c>: "org/repo", else "org", else "*", of the job's
    /// <c>refs</c> (or first <c>extra_refs</c>); jobs without refs use "*". Null when no key matches.
    /// </summary>
    public static Abstractions.Config.Reporting.SlackReporter? GlobalConfig(ProwJob job, ProwConfig config)
    {
        if (config.SlackReporterConfigs is not { Count: > 0 } configs) return null;
        var refs = job.Spec.Refs ?? job.Spec.ExtraRefs?.FirstOrDefault();
        if (refs is not null)
        {
            if (configs.TryGetValue($"{refs.Org}/{refs.Repo}", out var repo)) return repo;
            if (configs.TryGetValue(refs.Org, out var org)) return org;
        }
        return configs.GetValueOrDefault("*");
    }

    /// <summary>
    /// Prow's <c>SlackReporterConfig.ApplyDefault</c>: the job's settings, each unset one (empty host, channel,
    /// template; no states list; no report flag) taken from the global config. Null when there is neither.
    /// </summary>
    public static SlackTarget? Merge(JobSlackConfig? job, Abstractions.Config.Reporting.SlackReporter? global)
    {
        if (job is null && global is null) return null;
        var globalStates = global?.JobStatesToReport is { } names ? ParsedStates.GetValue(names, Parse) : null;
        if (job is null) return new SlackTarget(global!.Host, global.Channel, globalStates, global.ReportTemplate, global.Report);
        return new SlackTarget(
            job.Host.Length > 0 ? job.Host : global?.Host ?? "",
            job.Channel.Length > 0 ? job.Channel : global?.Channel ?? "",
            job.JobStatesToReport ?? globalStates,
            job.ReportTemplate.Length > 0 ? job.ReportTemplate : global?.ReportTemplate ?? "",
            job.Report ?? global?.Report);
    }

    /// <summary>The job's merged Slack config (null when it has none).</summary>
    public static SlackTarget? Target(ProwJob job, ProwConfig config) => Merge(job.Spec.ReporterConfig?.Slack, GlobalConfig(job, config));

    /// <summary>
    /// Prow's <c>ShouldReport</c>: the job's state is one of the merged <c>job_states_to_report</c> (the job's own
    /// list replaces the global one; <c>report: false</c> opts out), and its type is one of the global
    /// <c>job_types_to_report</c> or the job names its own channel (a job-level channel reports any type).
    /// </summary>
    public static bool ShouldReport(ProwJob job, ProwConfig config)
    {
        var global = GlobalConfig(job, config);
        var jobConfig = job.Spec.ReporterConfig?.Slack;
        var typeReported = global?.JobTypesToReport is { } types && job.Spec.Type is { } type && types.Contains(GitHubReport.TypeName(type));
        var jobReported = jobConfig is { Channel.Length: > 0 };
        if (!typeReported && !jobReported) return false;
        if (Merge(jobConfig, global) is not { JobStatesToReport: { } states } merged) return false;
        if (merged.Report == false) return false;
        return job.Status.State is { } state && states.Contains(state);
    }

    /// <summary>Slack's host for a target: its <c>host</c>, or "*" when unset (Prow's hostAndChannel).</summary>
    public static string Host(SlackTarget target) => target.Host.Length > 0 ? target.Host : DefaultHost;

    /// <summary>
    /// The message: the target's <c>report_template</c> (the default template when empty) executed on the job.
    /// A template that does not parse or fails on this job gives a fixed text naming the job, its state and the
    /// template's error, so the state is still reported once (Prow returns the error and crier retries it).
    /// </summary>
    public static string Message(ProwJob job, SlackTarget target)
    {
        var text = target.ReportTemplate.Length > 0 ? target.ReportTemplate : ComponentDefaults.DefaultSlackReportTemplate;
        try
        {
            return GoTemplate.Cached(text).Execute(job);
        }
        catch (GoTemplateException e)
        {
            return TemplateFailedMessage(job, e.Message);
        }
    }

    /// <summary>The text sent when the report template fails.</summary>
    public static string TemplateFailedMessage(ProwJob job, string error) =>
        $"Job {job.Spec.Job} of type {(job.Spec.Type is { } t ? GitHubReport.TypeName(t) : "")} is in state {ProwJobStateMachine.Name(job.Status.State)}"
        + (job.Status.Url.Length > 0 ? $" <{job.Status.Url}|View logs>" : "")
        + $" (the Slack report_template failed: {error})";
}
