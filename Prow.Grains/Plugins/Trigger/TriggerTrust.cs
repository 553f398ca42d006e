using Prow.Abstractions.Config.Plugins;
using Prow.Abstractions.GitHub;
using Prow.Grains.Ports;

namespace Prow.Grains.Plugins.Trigger;

/// <summary>
/// Prow's <c>TrustedUser</c> and <c>TrustedPullRequest</c>: the bot trusts itself; then a member of the repo's
/// org; then (unless <c>only_org_members</c>) a collaborator; then a <c>trusted_apps</c> app (login
/// <c>name[bot]</c>); then a member of <c>trusted_org</c> when that is another org. A pull request is trusted
/// when its author is or it carries <c>ok-to-test</c>. Checks are made in that order and stop at the first yes.
/// </summary>
public static class TriggerTrust
{
    public const string OkToTest = "ok-to-test";
    public const string NeedsOkToTest = "needs-ok-to-test";

    public static async Task<bool> IsBotAsync(IGitHub gitHub, string login, CancellationToken cancellationToken)
    {
        var bot = (await gitHub.GetBotUserAsync(cancellationToken)).Login;
        static string Trim(string l) => l.EndsWith("[bot]", StringComparison.OrdinalIgnoreCase) ? l[..^5] : l;
        return bot.Length > 0 && string.Equals(Trim(bot), Trim(login), StringComparison.OrdinalIgnoreCase);
    }

    public static async Task<bool> TrustedUserAsync(IGitHub gitHub, TriggerConfig trigger, string user, string org, string repo, CancellationToken cancellationToken)
    {
        if (await IsBotAsync(gitHub, user, cancellationToken)) return true;
        if (await gitHub.IsMemberAsync(org, user, cancellationToken)) return true;
        if (!trigger.OnlyOrgMembers && await gitHub.IsCollaboratorAsync(org, repo, user, cancellationToken)) return true;
        if (user.EndsWith("[bot]", StringComparison.Ordinal) && trigger.TrustedApps.Contains(user[..^5], StringComparer.Ordinal)) return true;
        if (trigger.TrustedOrg.Length == 0 || trigger.TrustedOrg == org) return false;
        return await gitHub.IsMemberAsync(trigger.TrustedOrg, user, cancellationToken);
    }

    /// <summary>Whether the pull request may be tested, and its labels when they had to be read (else <paramref name="labels"/>).</summary>
    public static async Task<(IReadOnlyList<Label>? Labels, bool Trusted)> TrustedPullRequestAsync(
        IGitHub gitHub, TriggerConfig trigger, string author, string org, string repo, int number, IReadOnlyList<Label>? labels, CancellationToken cancellationToken)
    {
        if (await TrustedUserAsync(gitHub, trigger, author, org, repo, cancellationToken)) return (labels, true);
        labels ??= await gitHub.GetIssueLabelsAsync(org, repo, number, cancellationToken);
        return (labels, HasLabel(labels, OkToTest));
    }

    public static bool HasLabel(IReadOnlyList<Label>? labels, string name) =>
        labels?.Any(l => l.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) == true;
}
