namespace Prow.Abstractions.Config.Plugins;

/// <summary>
/// The names of Prow's built-in plugins (what hook registers, i.e. the keys of <c>/plugin-help.js</c>).
/// A name under <c>plugins:</c> that is not here is an error, as in Prow. External plugins such as
/// <c>needs-rebase</c> or <c>cherrypicker</c> are not built in: they go under <c>external_plugins:</c>.
/// </summary>
public static class KnownPlugins
{
    public static IReadOnlySet<string> Names { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "approve", "assign", "blockade", "blunderbuss", "branchcleaner", "bugzilla", "buildifier", "cat",
        "cherry-pick-approved", "cherry-pick-unapproved", "cla", "config-updater", "dco", "dog", "golint",
        "goose", "heart", "help", "hold", "invalidcommitmsg", "issue-management", "jira", "label", "lgtm",
        "lifecycle", "merge-method-comment", "mergecommitblocker", "milestone", "milestoneapplier",
        "milestonestatus", "override", "owners-label", "pony", "project", "project-manager", "release-note",
        "require-matching-label", "retitle", "reward-owners", "rifle", "shrug", "sigmention", "size", "skip",
        "slackevents", "stage", "testfreeze", "trick-or-treat", "trigger", "verify-owners", "welcome", "wip",
        "yuks",
    };

    public static bool IsKnown(string name) => Names.Contains(name);
}
