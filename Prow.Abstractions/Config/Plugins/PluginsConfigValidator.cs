using System.Text.RegularExpressions;
using Prow.Abstractions.Config.Yaml;

namespace Prow.Abstractions.Config.Plugins;

/// <summary>
/// Prow's checks of plugins.yaml (<c>Configuration.Validate</c> and <c>ValidatePluginsUnknown</c>), each problem
/// reported with file and line. Expects defaults applied (<see cref="PluginsConfigDefaults.Apply"/>); fills the
/// compiled regular expressions and durations of the configuration as it goes.
/// </summary>
public sealed partial class PluginsConfigValidator
{
    private readonly PluginsConfig _config;
    private readonly string _file;
    private readonly List<ConfigDiagnostic> _diagnostics;

    private PluginsConfigValidator(PluginsConfig config, string file, List<ConfigDiagnostic> diagnostics)
    {
        _config = config;
        _file = file;
        _diagnostics = diagnostics;
    }

    /// <summary>Validates <paramref name="config"/>, appending every problem to <paramref name="diagnostics"/>.</summary>
    public static void Validate(PluginsConfig config, string file, List<ConfigDiagnostic> diagnostics)
    {
        var validator = new PluginsConfigValidator(config, file, diagnostics);
        validator.CompileRegexps();
        validator.ValidatePlugins();
        validator.ValidateExternalPlugins();
        validator.ValidateReviewerRequest("blunderbuss", config.Blunderbuss);
        validator.ValidateReviewerRequest("rifle", config.Rifle);
        validator.ValidateConfigUpdater();
        validator.ValidateSize();
        validator.ValidateRequireMatchingLabel();
        validator.ValidateProjectManager();
        validator.ValidateTriggers();
        validator.ValidateRepoDupes("approve", config.Approve);
        validator.ValidateRepoDupes("welcome", config.Welcome);
        validator.ValidateRepoDupes("invalid_commit_msg", config.InvalidCommitMsg);
        validator.ValidateInvalidCommitMsg();
        validator.ValidateRepoMilestone();
        validator.ValidateRestrictedLabels();
    }

    private void Error(int line, string key, string problem) => _diagnostics.Add(ConfigDiagnostic.Error(_file, line, key, problem));

    private void Warning(int line, string key, string problem) => _diagnostics.Add(ConfigDiagnostic.Warning(_file, line, key, problem));

    private Regex? Compile(string pattern, int line, string key)
    {
        if (GoRegexp.TryCompile(pattern, out var regex, out var error)) return regex;
        Error(line, key, $"invalid regular expression \"{pattern}\": {error}");
        return null;
    }

    private void CompileRegexps()
    {
        var c = _config;
        c.SigMention.Re = Compile(c.SigMention.Regexp, c.SigMention.SourceLine, "sigmention.regexp");
        c.CherryPickUnapproved.BranchRe = Compile(c.CherryPickUnapproved.BranchRegexp, c.CherryPickUnapproved.SourceLine, "cherry_pick_unapproved.branchregexp");
        for (var i = 0; i < c.CherryPickApproved.Count; i++)
        {
            var entry = c.CherryPickApproved[i];
            entry.BranchRe = Compile(entry.BranchRegexp, entry.SourceLine, $"cherry_pick_approved[{i}].branchregexp");
        }
        for (var i = 0; i < c.Blockades.Count; i++)
        {
            var blockade = c.Blockades[i];
            if (blockade.BranchRegexp is not null)
                blockade.BranchRe = Compile(blockade.BranchRegexp, blockade.SourceLine, $"blockades[{i}].branchregexp");
            for (var j = 0; j < blockade.BlockRegexps.Count; j++)
                Compile(blockade.BlockRegexps[j], blockade.SourceLine, $"blockades[{i}].blockregexps[{j}]");
            for (var j = 0; j < blockade.ExceptionRegexps.Count; j++)
                Compile(blockade.ExceptionRegexps[j], blockade.SourceLine, $"blockades[{i}].exceptionregexps[{j}]");
        }
        c.Heart.CommentRe = Compile(c.Heart.CommentRegexp, c.Heart.SourceLine, "heart.commentregexp");
        for (var i = 0; i < c.RequireMatchingLabel.Count; i++)
        {
            var rule = c.RequireMatchingLabel[i];
            rule.Re = Compile(rule.Regexp, rule.SourceLine, $"require_matching_label[{i}].regexp");
            if (GoDuration.TryParse(rule.GracePeriod, out var grace)) rule.GracePeriodDuration = grace;
            else Error(rule.SourceLine, $"require_matching_label[{i}].grace_period", $"invalid duration \"{rule.GracePeriod}\": expected a Go duration like \"5s\"");
        }
        if (c.Blunderbuss.WaitForStatus is { } blunderbussWait)
            blunderbussWait.DescriptionRe = Compile(blunderbussWait.Description, blunderbussWait.SourceLine, "blunderbuss.wait_for_status.description");
        if (c.Rifle.WaitForStatus is { } rifleWait)
            rifleWait.DescriptionRe = Compile(rifleWait.Description, rifleWait.SourceLine, "rifle.wait_for_status.description");
    }

    private void ValidatePlugins()
    {
        var plugins = _config.Plugins;
        if (plugins.Count == 0)
            Warning(_config.SourceLine, "plugins", "no plugins specified -- check syntax?");
        if (plugins.Values.FirstOrDefault(p => p.IsListForm) is { } legacy)
            Warning(legacy.SourceLine, "plugins", "deprecated style: use `org: {plugins: [...]}` instead of `org: [...]` (see https://github.com/kubernetes/test-infra/issues/20631)");

        var externalNames = _config.ExternalPlugins.Values.SelectMany(list => list).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (orgRepo, entry) in plugins)
        {
            for (var i = 0; i < entry.Plugins.Count; i++)
            {
                var name = entry.Plugins[i];
                if (KnownPlugins.IsKnown(name)) continue;
                Error(entry.LineOfPlugin(i), $"plugins.{orgRepo}.plugins[{i}]", externalNames.Contains(name)
                    ? $"unknown plugin \"{name}\": it is an external plugin; configure it under external_plugins only"
                    : $"unknown plugin \"{name}\"");
            }

            if (orgRepo.Contains('/'))
            {
                if (entry.ExcludedRepos.Count > 0)
                    Warning(entry.SourceLine, $"plugins.{orgRepo}.excluded_repos", "excluded_repos only applies to org entries; it is ignored here");
                ValidateAgainstOrg(orgRepo, entry);
            }
            else
            {
                foreach (var excluded in entry.ExcludedRepos.Where(r => r.Contains('/')))
                    Warning(entry.SourceLine, $"plugins.{orgRepo}.excluded_repos", $"\"{excluded}\" never matches: list repo names without the org");
            }

            if (entry.Plugins.Contains("blunderbuss") && entry.Plugins.Contains("rifle"))
                Error(entry.SourceLine, $"plugins.{orgRepo}", "blunderbuss and rifle plugins are mutually exclusive");
        }
    }

    /// <summary>A repo entry may not repeat its org's plugins (unless excluded) nor mix blunderbuss and rifle with it.</summary>
    private void ValidateAgainstOrg(string orgRepo, OrgPlugins entry)
    {
        var slash = orgRepo.IndexOf('/');
        var org = orgRepo[..slash];
        var repo = orgRepo[(slash + 1)..];
        if (!_config.Plugins.TryGetValue(org, out var orgEntry) || orgEntry.ExcludedRepos.Contains(repo)) return;

        var dupes = entry.Plugins.Where(orgEntry.Plugins.Contains).Distinct().ToList();
        if (dupes.Count > 0)
            Error(entry.SourceLine, $"plugins.{orgRepo}", $"plugins [{string.Join(" ", dupes)}] are duplicated for {orgRepo} and {org}");

        var repoHas = (string name) => entry.Plugins.Contains(name);
        var orgHas = (string name) => orgEntry.Plugins.Contains(name);
        if ((repoHas("blunderbuss") && orgHas("rifle")) || (repoHas("rifle") && orgHas("blunderbuss")))
            Error(entry.SourceLine, $"plugins.{orgRepo}", $"blunderbuss and rifle plugins are mutually exclusive (conflict between {org} and {orgRepo} config)");
    }

    private void ValidateExternalPlugins()
    {
        foreach (var (orgRepo, list) in _config.ExternalPlugins)
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i].Name.Length == 0)
                    Error(list[i].SourceLine, $"external_plugins.{orgRepo}[{i}].name", "an external plugin needs a name");
            }
            var slash = orgRepo.IndexOf('/');
            if (slash < 0 || !_config.ExternalPlugins.TryGetValue(orgRepo[..slash], out var orgList)) continue;
            var orgNames = orgList.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            var dupes = list.Where(p => orgNames.Contains(p.Name)).ToList();
            if (dupes.Count > 0)
                Error(dupes[0].SourceLine, $"external_plugins.{orgRepo}",
                    $"external plugins [{string.Join(" ", dupes.Select(p => p.Name))}] are duplicated for {orgRepo} and {orgRepo[..slash]}");
        }
    }

    private void ValidateReviewerRequest(string key, ReviewerRequestConfig config)
    {
        if (config.RequestCount is < 1)
            Error(config.SourceLine, key + ".request_count", $"invalid request_count: {config.RequestCount} (needs to be positive)");
    }

    private void ValidateSize()
    {
        var s = _config.Size;
        if (s.S > s.M || s.M > s.L || s.L > s.Xl || s.Xl > s.Xxl)
            Error(s.SourceLine, "size", "invalid size plugin configuration - one of the smaller sizes is bigger than a larger one");
    }

    private void ValidateTriggers()
    {
        for (var i = 0; i < _config.Triggers.Count; i++)
        {
            var trigger = _config.Triggers[i];
            if (trigger.TrustedOrg.Length > 0)
                Warning(trigger.SourceLine, $"triggers[{i}].trusted_org", "trusted_org is deprecated; trust org members through the repo's own org");
        }
    }

    private void ValidateRepoMilestone()
    {
        foreach (var (orgRepo, milestone) in _config.RepoMilestone)
        {
            if (milestone.MaintainersId != 0)
                Warning(milestone.SourceLine, $"repo_milestone.{orgRepo}.maintainers_id", "deprecated field: use maintainers_team instead of maintainers_id");
        }
    }

    private void ValidateRepoDupes<T>(string section, List<T> entries) where T : SourceLocated, IRepoScoped
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            foreach (var repo in entries[i].Repos)
            {
                if (!seen.Add(repo))
                    Error(entries[i].SourceLine, $"{section}[{i}].repos", $"the {(repo.Contains('/') ? "repo" : "org")} \"{repo}\" is listed more than once in the '{section}' plugin configuration");
            }
        }
    }

    private void ValidateInvalidCommitMsg()
    {
        for (var i = 0; i < _config.InvalidCommitMsg.Count; i++)
        {
            var entry = _config.InvalidCommitMsg[i];
            foreach (var repo in entry.Repos.Where(r => r.Trim().Length == 0))
                Error(entry.SourceLine, $"invalid_commit_msg[{i}].repos", $"repo \"{repo}\" must be of the form org or org/repo");
            for (var j = 0; j < entry.Checks.Count; j++)
            {
                var check = entry.Checks[j];
                if (check.Name.Trim().Length == 0)
                    Error(check.SourceLine, $"invalid_commit_msg[{i}].checks[{j}].name", "check name cannot be empty");
                else if (!InvalidCommitMsgConfig.KnownChecks.Contains(check.Name))
                    Error(check.SourceLine, $"invalid_commit_msg[{i}].checks[{j}].name",
                        $"unknown check name \"{check.Name}\" (valid: {string.Join(", ", InvalidCommitMsgConfig.KnownChecks)})");
            }
        }
    }
}
