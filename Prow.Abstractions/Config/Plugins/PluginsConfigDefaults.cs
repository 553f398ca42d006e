namespace Prow.Abstractions.Config.Plugins;

/// <summary>The defaults Prow applies to plugins.yaml before validating it (<c>setDefaults</c>), plus the size plugin's.</summary>
public static class PluginsConfigDefaults
{
    /// <summary>The ConfigMaps config_updater maintains when <c>maps</c> is empty.</summary>
    public static IReadOnlyDictionary<string, string> DefaultConfigUpdaterMaps { get; } = new Dictionary<string, string>
    {
        ["config/prow/config.yaml"] = "config",
        ["config/prow/plugins.yaml"] = "plugins",
    };

    /// <summary>Labels that OWNERS files may not carry when <c>owners.labels_denylist</c> is unset.</summary>
    public static IReadOnlyList<string> DefaultLabelsDenyList { get; } = ["approved", "lgtm"];

    /// <summary>Applies every default that Prow applies before validation.</summary>
    public static void Apply(PluginsConfig config)
    {
        if (config.Help.HelpGuidelinesUrl.Length == 0) config.Help.HelpGuidelinesUrl = HelpConfig.DefaultGuidelinesUrl;
        if (config.ReleaseNote.GuidelinesUrl.Length == 0) config.ReleaseNote.GuidelinesUrl = ReleaseNoteConfig.DefaultGuidelinesUrl;
        ApplyConfigUpdater(config.ConfigUpdater);

        foreach (var plugin in config.ExternalPlugins.Values.SelectMany(list => list))
        {
            if (plugin.Endpoint.Length == 0) plugin.Endpoint = "http://" + plugin.Name;
        }

        ApplyReviewerRequest(config.Blunderbuss);
        ApplyReviewerRequest(config.Rifle);

        foreach (var trigger in config.Triggers)
        {
            if (trigger.TrustedOrg.Length > 0 && trigger.JoinOrgUrl.Length == 0)
                trigger.JoinOrgUrl = $"https://github.com/orgs/{trigger.TrustedOrg}/people";
        }

        if (config.SigMention.Regexp.Length == 0) config.SigMention.Regexp = SigMentionConfig.DefaultRegexp;
        config.Owners.LabelsDenyList ??= [.. DefaultLabelsDenyList];

        // Prow means to default repo_milestone's maintainers_friendly_name to "SIG Chairs/TLs" but its loop
        // assigns to a copy, so the default never takes effect; we keep Prow's observable behaviour.

        if (config.CherryPickUnapproved.BranchRegexp.Length == 0)
            config.CherryPickUnapproved.BranchRegexp = CherryPickUnapprovedConfig.DefaultBranchRegexp;
        if (config.CherryPickUnapproved.Comment.Length == 0)
            config.CherryPickUnapproved.Comment = CherryPickUnapprovedConfig.DefaultComment;
        foreach (var approved in config.CherryPickApproved)
        {
            if (approved.BranchRegexp.Length == 0) approved.BranchRegexp = CherryPickApprovedConfig.DefaultBranchRegexp;
        }

        foreach (var rule in config.RequireMatchingLabel)
        {
            if (rule.GracePeriod.Length == 0) rule.GracePeriod = RequireMatchingLabelConfig.DefaultGracePeriod;
        }

        foreach (var approve in config.Approve)
        {
            if (approve.CommandHelpLink.Length == 0) approve.CommandHelpLink = ApproveConfig.DefaultCommandHelpLink;
            if (approve.PrProcessLink.Length == 0) approve.PrProcessLink = ApproveConfig.DefaultPrProcessLink;
        }
    }

    /// <summary>config_updater: the default maps when none are given; maps without targets go to the default cluster.</summary>
    public static void ApplyConfigUpdater(ConfigUpdaterConfig updater)
    {
        if (updater.Maps.Count == 0)
        {
            foreach (var (file, name) in DefaultConfigUpdaterMaps)
                updater.Maps[file] = new ConfigMapSpec { Name = name };
        }
        foreach (var spec in updater.Maps.Values)
        {
            if (spec.Clusters.Count == 0 && spec.ClusterGroups.Count == 0)
                spec.Clusters = new Dictionary<string, List<string>> { [ConfigUpdaterConfig.DefaultClusterAlias] = [""] };
        }
    }

    /// <summary>
    /// config_updater after validation: a map that targets cluster groups gets the groups' clusters and
    /// namespaces in <see cref="ConfigMapSpec.Clusters"/>, so the plugin only ever reads <c>Clusters</c>.
    /// </summary>
    public static void ResolveClusterGroups(ConfigUpdaterConfig updater)
    {
        foreach (var spec in updater.Maps.Values)
        {
            if (spec.Clusters.Count > 0) continue;
            var clusters = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var groupName in spec.ClusterGroups)
            {
                if (!updater.ClusterGroups.TryGetValue(groupName, out var group)) continue;
                foreach (var cluster in group.Clusters)
                {
                    if (!clusters.TryGetValue(cluster, out var namespaces)) clusters[cluster] = namespaces = [];
                    namespaces.AddRange(group.Namespaces);
                }
            }
            spec.Clusters = clusters;
        }
    }

    /// <summary>
    /// The size plugin's thresholds: each threshold left at zero takes its default (10/30/100/500/1000).
    /// Applied after validation because Prow validates the order of the thresholds as written.
    /// </summary>
    public static void ApplySize(SizeConfig size)
    {
        if (size.S == 0) size.S = SizeConfig.DefaultS;
        if (size.M == 0) size.M = SizeConfig.DefaultM;
        if (size.L == 0) size.L = SizeConfig.DefaultL;
        if (size.Xl == 0) size.Xl = SizeConfig.DefaultXl;
        if (size.Xxl == 0) size.Xxl = SizeConfig.DefaultXxl;
    }

    private static void ApplyReviewerRequest(ReviewerRequestConfig config)
    {
        config.RequestCount ??= ReviewerRequestConfig.DefaultRequestCount;
        if (config.WaitForStatus is { } wait)
        {
            if (wait.Context.Length == 0) wait.Context = ContextMatch.DefaultContext;
            if (wait.State.Length == 0) wait.State = ContextMatch.DefaultState;
            if (wait.Description.Length == 0) wait.Description = ContextMatch.DefaultDescription;
        }
    }
}
