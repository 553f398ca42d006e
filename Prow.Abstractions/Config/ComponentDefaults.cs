using Prow.Abstractions.Config.Controllers;
using Prow.Abstractions.Config.Deck;
using Prow.Abstractions.Config.Jobs;

namespace Prow.Abstractions.Config;

/// <summary>
/// Defaults and checks of the non-job sections, following Prow's parseProwConfig and
/// validateComponentConfig. The one deliberate difference: Sinker keeps finished ProwJobs
/// 2 days (Prow: 7) and finished pods 30 minutes (Prow: as long as max_pod_age).
/// </summary>
public static class ComponentDefaults
{
    public static readonly TimeSpan PlankPodPendingTimeout = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan PlankPodRunningTimeout = TimeSpan.FromHours(48);
    public static readonly TimeSpan PlankPodUnscheduledTimeout = TimeSpan.FromMinutes(5);
    public const int PlankMaxRevivals = 3;
    public const int MaxGoroutines = 20;
    public static readonly TimeSpan SinkerResyncPeriod = TimeSpan.FromHours(1);
    public static readonly TimeSpan SinkerMaxProwJobAge = TimeSpan.FromHours(48);
    public static readonly TimeSpan SinkerMaxPodAge = TimeSpan.FromHours(24);
    public static readonly TimeSpan SinkerTerminatedPodTtl = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan TideSyncPeriod = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan DeckTideUpdatePeriod = TimeSpan.FromSeconds(10);
    public const long SpyglassSizeLimit = 100_000_000;
    public static readonly TimeSpan DefaultJobTimeout = TimeSpan.FromHours(24);
    public static readonly TimeSpan MoonrakerClientTimeout = TimeSpan.FromMinutes(10);
    public const string DefaultNamespace = "default";
    public const string DefaultStatusErrorLink = "https://github.com/kubernetes/test-infra/issues";
    public const string DefaultGitHubLinkUrl = "https://github.com";
    public const string DefaultSlackReportTemplate =
        "Job {{.Spec.Job}} of type {{.Spec.Type}} ended with state {{.Status.State}}. <{{.Status.URL}}|View logs>";

    private static readonly HashSet<string> LogLevels = ["trace", "debug", "info", "warn", "warning", "error", "fatal", "panic"];

    public static void Apply(ProwConfig config, ConfigProblems problems, TimeProvider clock)
    {
        ApplyPlank(config.Plank, problems);
        ApplySinker(config.Sinker);
        ApplyDeck(config.Deck, problems);
        TideDefaults.Apply(config.Tide, problems);

        var gerrit = config.Gerrit;
        gerrit.TickInterval ??= TimeSpan.FromMinutes(1);
        if (gerrit.RateLimit == 0) gerrit.RateLimit = 5;
        CheckRegex(problems, gerrit, "allowed_presubmit_trigger_re", gerrit.AllowedPresubmitTriggerRe);

        var reporter = config.GitHubReporter;
        if (reporter.JobTypesToReport is not { Count: > 0 }) reporter.JobTypesToReport = ["presubmit", "postsubmit"];
        foreach (var type in reporter.JobTypesToReport.Where(t => t is not ("presubmit" or "postsubmit")))
            problems.Error(reporter, "job_types_to_report", $"invalid job_types_to_report: {type} (only presubmit and postsubmit are reported to GitHub)");

        foreach (var (key, slack) in config.SlackReporterConfigs ?? [])
        {
            if (slack.ReportTemplate.Length == 0) slack.ReportTemplate = DefaultSlackReportTemplate;
            if (slack.Channel.Length == 0) problems.ErrorAt(slack, $"slack_reporter_configs[{key}]: channel must be set");
        }

        ApplyJenkinsOperators(config.JenkinsOperators, problems);

        config.PushGateway.Interval ??= TimeSpan.FromMinutes(1);
        config.Horologium.TickInterval ??= TimeSpan.FromMinutes(1);
        config.Moonraker.ClientTimeout ??= MoonrakerClientTimeout;
        config.DefaultJobTimeout ??= DefaultJobTimeout;
        if (config.ProwJobNamespace.Length == 0) config.ProwJobNamespace = DefaultNamespace;
        if (config.PodNamespace.Length == 0) config.PodNamespace = DefaultNamespace;
        if (config.StatusErrorLink.Length == 0) config.StatusErrorLink = DefaultStatusErrorLink;
        if (config.GitHubOptions.LinkUrl.Length == 0) config.GitHubOptions.LinkUrl = DefaultGitHubLinkUrl;
        if (!IsParsableUrl(config.GitHubOptions.LinkUrl))
            problems.Error(config, "github", $"unable to parse github.link_url \"{config.GitHubOptions.LinkUrl}\", might not be a valid url");
        if (config.LogLevel.Length == 0) config.LogLevel = "info";
        if (!LogLevels.Contains(config.LogLevel.ToLowerInvariant()))
            problems.Error(config, "log_level", $"not a valid logrus Level: \"{config.LogLevel}\"");

        if (config.BranchProtection.Include is { Count: > 0 } && config.BranchProtection.Exclude is { Count: > 0 })
            problems.Error(config, "branch-protection", "forbidden to set both include and exclude, please use either include or exclude");

        config.InRepoConfig.AllowedClusters ??= [];
        if (!config.InRepoConfig.AllowedClusters.TryGetValue("*", out var global) || global is null)
            config.InRepoConfig.AllowedClusters["*"] = [DefaultNamespace];

        if (config.PubSubSubscriptions is { Count: > 0 })
        {
            if (config.PubSubTriggers is not null)
                problems.Error(config, "pubsub_subscriptions", "pubsub_subscriptions and pubsub_triggers are mutually exclusive");
            config.PubSubTriggers ??= [];
            foreach (var (project, topics) in config.PubSubSubscriptions)
                config.PubSubTriggers.Add(new PubSubTrigger { Project = project, Topics = topics, AllowedClusters = ["*"] });
        }
        foreach (var trigger in config.PubSubTriggers ?? [])
        {
            if (trigger.MaxOutstandingMessages == 0) trigger.MaxOutstandingMessages = 10;
        }

        var now = clock.GetUtcNow();
        foreach (var (repo, info) in config.ManagedWebhooks.OrgRepoConfig ?? [])
        {
            if (info.TokenCreatedAfter > now)
                problems.Error(config.ManagedWebhooks, "org_repo_config", $"token_created_after {info.TokenCreatedAfter:O} can be no later than current time for repo/org {repo}");
        }

        CheckGangway(config.Gangway, problems);
    }

    private static void ApplyPlank(PlankConfig plank, ConfigProblems problems)
    {
        ApplyController(plank, problems);
        plank.PodPendingTimeout ??= PlankPodPendingTimeout;
        plank.PodRunningTimeout ??= PlankPodRunningTimeout;
        plank.PodUnscheduledTimeout ??= PlankPodUnscheduledTimeout;
        plank.MaxRevivals ??= PlankMaxRevivals;
        plank.JobUrlPrefixConfig ??= [];
        if (plank.JobUrlTemplate.Length > 0)
        {
            // Prow compiles it at load; an error here beats a blank link on every job.
            try
            {
                Templates.GoTemplate.Parse(plank.JobUrlTemplate);
            }
            catch (Templates.GoTemplateException e)
            {
                problems.Error(plank, "job_url_template", e.Message);
            }
        }
        foreach (var (key, prefix) in plank.JobUrlPrefixConfig)
        {
            if (!IsParsableUrl(prefix))
                problems.Error(plank, "job_url_prefix_config", $"invalid value for job_url_prefix_config[\"{key}\"]: {prefix}");
        }

        var map = plank.DefaultDecorationConfigsMap;
        var entries = plank.DefaultDecorationConfigEntries;
        if (map is { Count: > 0 } && entries is { Count: > 0 })
        {
            problems.Error(plank, "default_decoration_configs",
                "plank.default_decoration_configs and plank.default_decoration_config_entries are mutually exclusive, please use one or the other");
        }
        if (map is { Count: > 0 })
        {
            // "*" first, then orgs, then repos (Prow's order).
            plank.DefaultDecorationConfigs = map
                .OrderBy(p => p.Key == "*" ? 0 : p.Key.Contains('/') ? 2 : 1).ThenBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => new DefaultDecorationConfigEntry { OrgRepo = p.Key, Config = p.Value })
                .ToList();
        }
        else
        {
            plank.DefaultDecorationConfigs = entries?.Where(e => e is not null).ToList() ?? [];
        }
    }

    private static void ApplyController(ControllerConfig controller, ConfigProblems problems)
    {
        if (controller.ReportTemplate.Length > 0)
        {
            if (controller.ReportTemplates is { Count: > 0 })
                problems.Error(controller, "report_template", "both report_template and report_templates are specified");
            else
                controller.ReportTemplates = new() { ["*"] = controller.ReportTemplate };
        }
        foreach (var (key, template) in controller.ReportTemplates ?? [])
        {
            // Prow compiles them at load; the failed-tests comment must not fail on a typo.
            try
            {
                Templates.GoTemplate.Parse(template);
            }
            catch (Templates.GoTemplateException e)
            {
                problems.Error(controller, "report_templates", $"report_templates[\"{key}\"]: {e.Message}");
            }
        }
        if (controller.MaxConcurrency < 0)
            problems.Error(controller, "max_concurrency", $"controller has invalid max_concurrency ({controller.MaxConcurrency}), it needs to be a non-negative number");
        if (controller.MaxGoroutines == 0) controller.MaxGoroutines = MaxGoroutines;
        if (controller.MaxGoroutines < 0)
            problems.Error(controller, "max_goroutines", $"controller has invalid max_goroutines ({controller.MaxGoroutines}), it needs to be a positive number");
    }

    private static void ApplySinker(SinkerConfig sinker)
    {
        sinker.ResyncPeriod ??= SinkerResyncPeriod;
        sinker.MaxProwJobAge ??= SinkerMaxProwJobAge;
        sinker.MaxPodAge ??= SinkerMaxPodAge;
        sinker.TerminatedPodTtl ??= SinkerTerminatedPodTtl;
    }

    private static void ApplyJenkinsOperators(List<JenkinsOperatorConfig>? operators, ConfigProblems problems)
    {
        if (operators is null) return;
        foreach (var op in operators)
        {
            ApplyController(op, problems);
            if (operators.Count > 1 && op.LabelSelector.Length == 0)
                problems.ErrorAt(op, "selector overlap: cannot use an empty label_selector with multiple selectors");
            if (operators.Count == 1 && op.LabelSelector.Length > 0)
                problems.Error(op, "label_selector", "label_selector is invalid when used for a single jenkins-operator");
        }
    }

    private static void ApplyDeck(DeckConfig deck, ConfigProblems problems)
    {
        deck.TideUpdatePeriod ??= DeckTideUpdatePeriod;
        var spyglass = deck.Spyglass;
        if (spyglass.SizeLimit == 0) spyglass.SizeLimit = SpyglassSizeLimit;
        else if (spyglass.SizeLimit < 0) problems.Error(spyglass, "size_limit", "invalid value for deck.spyglass.size_limit, must be >=0");

        spyglass.Lenses ??= [];
        var renamed = new Dictionary<string, string> { ["build-log-viewer"] = "buildlog", ["metadata-viewer"] = "metadata", ["junit-viewer"] = "junit" };
        var fromViewers = (spyglass.Viewers ?? [])
            .SelectMany(v => (v.Value ?? []).Select(name => new LensFileConfig
            {
                RequiredFiles = [v.Key],
                Lens = new LensConfig { Name = renamed.GetValueOrDefault(name, name) },
            }))
            .OrderBy(l => l.Lens.Name, StringComparer.Ordinal);
        spyglass.Lenses.AddRange(fromViewers);
        foreach (var lens in spyglass.Lenses)
        {
            foreach (var pattern in (lens.RequiredFiles ?? []).Concat(lens.OptionalFiles ?? []))
                CheckRegex(problems, lens, "required_files", pattern);
        }

        spyglass.GcsBrowserPrefixesByRepo ??= [];
        spyglass.GcsBrowserPrefixesByBucket ??= [];
        if (spyglass.GcsBrowserPrefix.Length > 0 && spyglass.GcsBrowserPrefixesByRepo.ContainsKey("*"))
            problems.Error(spyglass, "gcs_browser_prefix", "both gcs_browser_prefix and gcs_browser_prefixes['*'] are specified");
        if (spyglass.GcsBrowserPrefix.Length > 0 && spyglass.GcsBrowserPrefixesByBucket.ContainsKey("*"))
            problems.Error(spyglass, "gcs_browser_prefix", "both gcs_browser_prefix and gcs_browser_prefixes_by_bucket['*'] are specified");
        spyglass.GcsBrowserPrefixesByRepo.TryAdd("*", spyglass.GcsBrowserPrefix);
        spyglass.GcsBrowserPrefixesByBucket.TryAdd("*", spyglass.GcsBrowserPrefix);
        spyglass.BucketAliases ??= [];

        if (deck.RerunAuthConfigs is { Count: > 0 })
        {
            if (deck.DefaultRerunAuthConfigs is { Count: > 0 })
                problems.Error(deck, "rerun_auth_configs", "deck.rerun_auth_configs and deck.default_rerun_auth_configs are mutually exclusive, please use one or the other");
            else
                deck.DefaultRerunAuthConfigs = deck.RerunAuthConfigs
                    .OrderBy(p => p.Key == "" ? 0 : p.Key == "*" ? 1 : p.Key.Contains('/') ? 3 : 2).ThenBy(p => p.Key, StringComparer.Ordinal)
                    .Select(p => new DefaultRerunAuthConfigEntry { OrgRepo = p.Key, Config = p.Value })
                    .ToList();
        }
        if (deck.AdditionalAllowedBuckets is { Count: > 0 } && deck.SkipStoragePathValidation != false)
            problems.Error(deck, "additional_allowed_buckets", "deck.skip_storage_path_validation is enabled despite deck.additional_allowed_buckets being configured");
        foreach (var (entry, index) in (deck.DefaultRerunAuthConfigs ?? []).Select((e, i) => (e, i)))
        {
            if (entry.Config is { AllowAnyone: true, HasAllowList: true })
                problems.Error(entry.Config, "allow_anyone", $"default_rerun_auth_configs[{index}]: allow anyone is set to true and permitted users or groups are specified");
        }
    }

    private static void CheckGangway(GangwayConfig gangway, ConfigProblems problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var client in gangway.AllowedApiClients ?? [])
        {
            if (client.Gcp is null)
            {
                problems.ErrorAt(client, "allowed_api_clients: no cloud vendor (gcp) configured");
                continue;
            }
            if (client.Gcp.EndpointApiConsumerType != "PROJECT")
                problems.Error(client, "gcp", $"unsupported GCP API consumer type: \"{client.Gcp.EndpointApiConsumerType}\"");
            if (client.Gcp.EndpointApiConsumerNumber.Length == 0 || !client.Gcp.EndpointApiConsumerNumber.All(char.IsAsciiDigit))
                problems.Error(client, "gcp", $"invalid EndpointApiConsumerNumber: \"{client.Gcp.EndpointApiConsumerNumber}\"");
            if (!seen.Add(client.Gcp.EndpointApiConsumerNumber))
                problems.Error(client, "gcp", $"AllowedApiClient \"{client.Gcp.EndpointApiConsumerNumber}\" declared multiple times");
            if (client.AllowedJobsFilters is not { Count: > 0 })
                problems.ErrorAt(client, "allowed_jobs_filters field cannot be empty");
        }
    }

    /// <summary>Go's url.Parse is lenient (templates like https://$HOST/ pass); it rejects spaces and control characters.</summary>
    private static bool IsParsableUrl(string url) => !url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));

    internal static void CheckRegex(ConfigProblems problems, Yaml.SourceLocated at, string key, string pattern)
    {
        if (!GoRegex.TryCompile(pattern, out _, out var error))
            problems.Error(at, key, $"invalid regex \"{pattern}\": {error}");
    }
}
