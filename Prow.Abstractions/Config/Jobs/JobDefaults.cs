namespace Prow.Abstractions.Config.Jobs;

/// <summary>
/// Prow's job defaulting (finalizeJobConfig): agent "kubernetes", cluster "default", namespace =
/// pod_namespace, context = name, default trigger and rerun command, decoration merged with plank's
/// defaults for decorated jobs, ProwJob defaults, then presets merged into the pod specs.
/// </summary>
public static class JobDefaults
{
    public const string KubernetesAgent = "kubernetes";
    public const string JenkinsAgent = "jenkins";
    public const string TektonAgent = "tekton-pipeline";
    public const string KnativeBuildAgent = "knative-build";

    /// <summary>Ours: the job's pod spec runs as local processes on the silo's machine (trusted setups only).</summary>
    public const string LocalAgent = "local";
    public const string DefaultCluster = "default";
    public const string DefaultTenantId = "GlobalDefaultID";

    /// <summary>The default trigger: <c>(?m)^/test( | .* )NAME,?($|\s.*)</c>.</summary>
    public static string DefaultTriggerFor(string name) => $@"(?m)^/test( | .* ){name},?($|\s.*)";

    /// <summary>The default rerun command: <c>/test NAME</c>.</summary>
    public static string DefaultRerunCommandFor(string name) => $"/test {name}";

    public static void Apply(ProwConfig config, ConfigProblems problems)
    {
        var decorationDefaults = new Dictionary<(string, string), DecorationConfig?>();
        foreach (var (repo, jobs) in config.Presubmits)
        {
            foreach (var job in jobs)
            {
                ApplyBase(config, job, repo, decorationDefaults, problems);
                if (job.Context.Length == 0) job.Context = job.Name;
                if (job.Trigger.Length == 0 && job.RerunCommand.Length == 0)
                {
                    job.Trigger = DefaultTriggerFor(job.Name);
                    job.RerunCommand = DefaultRerunCommandFor(job.Name);
                }
            }
        }
        foreach (var (repo, jobs) in config.Postsubmits)
        {
            foreach (var job in jobs)
            {
                ApplyBase(config, job, repo, decorationDefaults, problems);
                if (job.Context.Length == 0) job.Context = job.Name;
            }
        }
        foreach (var job in config.Periodics)
            ApplyBase(config, job, PeriodicRepo(job), decorationDefaults, problems);
    }

    /// <summary>The "org/repo" a periodic is matched by: its first extra ref, else empty.</summary>
    public static string PeriodicRepo(Periodic job) =>
        job.ExtraRefs is { Count: > 0 } refs ? $"{refs[0].Org}/{refs[0].Repo}" : "";

    private static void ApplyBase(
        ProwConfig config, JobBase job, string repo, Dictionary<(string, string), DecorationConfig?> decorationDefaults, ConfigProblems problems)
    {
        if (job.Agent.Length == 0) job.Agent = KubernetesAgent;
        if (string.IsNullOrEmpty(job.Namespace)) job.Namespace = config.PodNamespace;
        if (job.Cluster.Length == 0) job.Cluster = DefaultCluster;

        job.Decorate ??= config.DecorateAllJobs;
        if (job.Decorate == true)
        {
            var jobConfig = job.DecorationConfig;
            if (!decorationDefaults.TryGetValue((repo, job.Cluster), out var plankDefaults))
            {
                foreach (var entry in config.Plank.DefaultDecorationConfigs.Where(e => e.Matches(repo, job.Cluster)))
                    plankDefaults = DecorationConfig.Merge(entry.Config, plankDefaults);
                decorationDefaults[(repo, job.Cluster)] = plankDefaults;
            }
            var merged = DecorationConfig.Merge(jobConfig, plankDefaults) ?? new DecorationConfig();
            if (jobConfig is not null)
            {
                merged.SourceFile = jobConfig.SourceFile;
                merged.SourceLine = jobConfig.SourceLine;
                merged.SourceKey = jobConfig.SourceKey;
            }
            job.DecorationConfig = merged;
        }

        ProwJobDefault? defaults = null;
        foreach (var entry in config.ProwJobDefaultEntries ?? [])
        {
            if (entry.Matches(repo, job.Cluster)) defaults = MergeDefault(entry.Config, defaults);
        }
        defaults = MergeDefault(job.ProwJobDefault, defaults) ?? new ProwJobDefault();
        if (defaults.TenantId.Length == 0) defaults.TenantId = DefaultTenantId;
        job.ProwJobDefault = defaults;

        if (job.Spec is null) return;
        var matching = config.Presets.Where(p => p.Matches(job.Labels)).ToList();
        var (preset, conflict) = PresetMerger.MergeAll(matching, job.Spec);
        if (conflict is not null)
            problems.Error(job, "spec", $"job {job.Name} failed to merge presets for podspec: {conflict} (preset at {preset!.SourceFile}:{preset.SourceLine})");
    }

    private static ProwJobDefault? MergeDefault(ProwJobDefault? value, ProwJobDefault? defaults)
    {
        if (value is null) return defaults is null ? null : new ProwJobDefault { TenantId = defaults.TenantId, ResultStoreConfig = defaults.ResultStoreConfig };
        var merged = new ProwJobDefault { TenantId = value.TenantId, ResultStoreConfig = value.ResultStoreConfig };
        if (defaults is null) return merged;
        if (merged.TenantId.Length == 0) merged.TenantId = defaults.TenantId;
        merged.ResultStoreConfig ??= defaults.ResultStoreConfig;
        return merged;
    }
}
