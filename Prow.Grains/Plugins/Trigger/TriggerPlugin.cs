using System.Net;
using Microsoft.Extensions.Logging;
using Prow.Abstractions.Config.Jobs;
using Prow.Abstractions.Config.Plugins;
using Prow.Abstractions.GitHub;
using Prow.Abstractions.GitHub.Events;
using Prow.Abstractions.Jobs;
using Prow.Grains.Ports;
using JobRefs = Prow.Abstractions.Jobs.Refs;
using JobPull = Prow.Abstractions.Jobs.Pull;

namespace Prow.Grains.Plugins.Trigger;

/// <summary>
/// Prow's <c>trigger</c>: starts presubmits for trusted pull requests (opened, reopened, ready for review,
/// new commits, base changed, <c>ok-to-test</c> labelled), welcomes untrusted authors with
/// <c>needs-ok-to-test</c>, answers <c>/test</c>, <c>/retest</c>, <c>/ok-to-test</c> and the jobs' own
/// triggers, aborts a pull request's running presubmits on new commits, close or draft, and starts
/// postsubmits on pushes. Job names are deterministic per delivery (see <see cref="JobNames"/>).
/// It reads its comments itself (Prow's regexes and trust rules), so it declares no framework commands.
/// </summary>
public sealed class TriggerPlugin(IProwJobCreator jobs) : IPlugin
{
    public const string AbortedDescription = "Aborted by trigger plugin.";
    public const string Lgtm = "lgtm";
    private const string ZeroSha = "0000000000000000000000000000000000000000";

    public string Name => "trigger";

    public string Description => """
        The trigger plugin starts jobs in reaction to various events.
        <br>Presubmit jobs are run automatically on pull requests that are trusted and not in a draft state with file changes matching the file filters and targeting a branch matching the branch filters.
        <br>A pull request is considered trusted if the author is a member of the 'trusted organization' for the repository or if such a member has left an '/ok-to-test' command on the PR.
        <br>Trusted status granted by '/ok-to-test' can be revoked by a trusted user with '/ok-to-test cancel', which restores the 'needs-ok-to-test' label.
        <br>Trigger will not automatically start jobs for a PR in draft state, and if a PR is changed to draft it cancels pending jobs.
        <br>If jobs are not run automatically for a PR because it is not trusted or is in draft state, a trusted user can still start jobs manually via the '/test' command.
        <br>The '/retest' command can be used to rerun jobs that have reported failure.
        <br>The '/test-manual-required' command can be used to start required manually triggered presubmit jobs.
        <br>Trigger starts postsubmit jobs when commits are pushed if the filters on the job match files and branches affected by that push.
        """.ReplaceLineEndings("\n");

    /// <summary>
    /// Prow's help entries. They are for <c>/plugin-help.js</c> only: anyone may "use" them as far as the framework
    /// is concerned and <see cref="IPlugin.HandleCommandsAsync"/> does nothing; the comment handler applies
    /// Prow's own regexes and trust rules (which the framework's <see cref="CommandUsers"/> cannot express).
    /// </summary>
    public IReadOnlyList<PluginCommand> Commands { get; } =
    [
        new PluginCommand
        {
            Names = ["ok-to-test"], Arguments = ".*", Usage = "/ok-to-test", Description = "Marks a PR as 'trusted' and starts tests.",
            WhoCanUse = "Members of the trusted organization for the repo.", Examples = ["/ok-to-test"],
        },
        new PluginCommand
        {
            Names = ["ok-to-test"], Arguments = "cancel", ArgumentsRequired = true, Usage = "/ok-to-test cancel",
            Description = "Revokes trusted status previously granted by '/ok-to-test', removing the 'ok-to-test' label and restoring 'needs-ok-to-test'.",
            WhoCanUse = "Members of the trusted organization for the repo.", Examples = ["/ok-to-test cancel"],
        },
        new PluginCommand
        {
            Names = ["test"], Arguments = ".*", Usage = "/test [<job name>|all]", Featured = true,
            Description = "Manually starts a/all automatically triggered test job(s). Lists all possible job(s) when no jobs/an invalid job are specified.",
            WhoCanUse = "Anyone can trigger this command on a trusted PR.", Examples = ["/test all", "/test pull-bazel-test"],
        },
        new PluginCommand
        {
            Names = ["retest"], Arguments = ".*", Usage = "/retest", Featured = true, Description = "Rerun test jobs that have failed.",
            WhoCanUse = "Anyone can trigger this command on a trusted PR.", Examples = ["/retest"],
        },
        new PluginCommand
        {
            Names = ["test-manual-required"], Arguments = ".*", Usage = "/test-manual-required", Featured = true,
            Description = "Manually starts required presubmit jobs that require an explicit trigger and do not use file change conditions.",
            WhoCanUse = "Anyone can trigger this command on a trusted PR.", Examples = ["/test-manual-required"],
        },
        new PluginCommand
        {
            Names = ["test"], Arguments = @"\?", ArgumentsRequired = true, Usage = "/test ?", Featured = true,
            Description = "List available test job(s) for a trusted PR.",
            WhoCanUse = "Anyone can trigger this command on a trusted PR.", Examples = ["/test ?"],
        },
    ];

    /// <summary>
    /// The text events are listed by type rather than as <see cref="PluginEvents.GenericComment"/>: the dispatcher
    /// calls a generic-comment handler with the same context as the event handler, so a pull_request event with a
    /// body would reach <see cref="HandleEventAsync"/> twice. Here each event arrives once and the text it carries
    /// (<see cref="PluginContext.Comment"/>) is handled after the event.
    /// </summary>
    public IReadOnlyList<string> Events { get; } =
        [PluginEvents.PullRequest, PluginEvents.Push, PluginEvents.IssueComment, PluginEvents.PullRequestReview, PluginEvents.PullRequestReviewComment];

    public IReadOnlyDictionary<string, string>? DescribeConfig(PluginsConfig config, IReadOnlyList<string> enabledIn)
    {
        var info = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var orgRepo in enabledIn.Where(r => r.Contains('/', StringComparison.Ordinal)))
        {
            var (org, repo) = (orgRepo[..orgRepo.IndexOf('/', StringComparison.Ordinal)], orgRepo[(orgRepo.IndexOf('/', StringComparison.Ordinal) + 1)..]);
            var trigger = config.TriggerFor(org, repo);
            info[orgRepo] = $"The trusted GitHub organization for this repository is \"{(trigger.TrustedOrg.Length > 0 ? trigger.TrustedOrg : org)}\".";
        }
        return info;
    }

    public async Task HandleEventAsync(PluginContext context, CancellationToken cancellationToken)
    {
        if (context.Payload is PullRequestEvent pr && context.EventType == PluginEvents.PullRequest)
            await HandlePullRequestAsync(context, pr, cancellationToken);
        else if (context.Payload is PushEvent push && context.EventType == PluginEvents.Push)
            await HandlePushAsync(context, push, cancellationToken);
        if (context.Comment is { } comment)
            await HandleCommentAsync(context, comment, cancellationToken);
    }

    // Pull requests

    private async Task HandlePullRequestAsync(PluginContext context, PullRequestEvent e, CancellationToken ct)
    {
        var pr = e.PullRequest;
        var (org, repo, number, author) = (context.Org, context.Repo, pr.Number != 0 ? pr.Number : e.Number, pr.User.Login);
        var trigger = context.Plugins.TriggerFor(org, repo);
        var presubmits = context.Config.Config.PresubmitsFor($"{org}/{repo}");
        switch (e.Action)
        {
            case "closed":
            case "converted_to_draft":
                await AbortAsync(context, org, repo, number, keepSha: null, ct);
                return;
            case "synchronize":
                // Prow aborts every unfinished presubmit of the PR; we keep the new head's, so a redelivered
                // synchronize cannot abort the jobs its first delivery started.
                await AbortAsync(context, org, repo, number, keepSha: pr.Head.Sha, ct);
                break;
        }
        if (presubmits.Count == 0) return;

        switch (e.Action)
        {
            case "opened":
                if (await TriggerTrust.TrustedUserAsync(context.GitHub, trigger, author, org, repo, ct))
                {
                    if (pr.Draft)
                    {
                        context.Logger.LogInformation("Skipping all jobs for draft PR.");
                        await context.GitHub.CreateCommentAsync(org, repo, number, DraftMessage, ct);
                        return;
                    }
                    context.Logger.LogInformation("Starting all jobs for new PR.");
                    await BuildAllAsync(context, pr, presubmits, ct);
                    return;
                }
                context.Logger.LogInformation("Welcome message to PR author {Author}.", author);
                await WelcomeAsync(context, trigger, pr, number, ct);
                return;
            case "reopened":
            case "ready_for_review":
            case "synchronize":
                await BuildAllIfTrustedAsync(context, trigger, pr, number, presubmits, ct);
                return;
            case "edited" when BaseChanged(e):
                await BuildAllIfTrustedAsync(context, trigger, pr, number, presubmits, ct);
                return;
            case "labeled" when e.Label?.Name == Lgtm:
                var (_, trusted) = await TriggerTrust.TrustedPullRequestAsync(context.GitHub, trigger, author, org, repo, number, null, ct);
                if (!trusted)
                {
                    context.Logger.LogInformation("Starting all jobs for untrusted PR with LGTM.");
                    await BuildAllAsync(context, pr, presubmits, ct);
                }
                return;
            case "labeled" when e.Label?.Name == TriggerTrust.OkToTest:
                if (await TriggerTrust.IsBotAsync(context.GitHub, e.Sender.Login, ct)) return;
                await BuildAllAsync(context, pr, presubmits, ct);
                return;
        }
    }

    public const string DraftMessage = "Skipping CI for Draft Pull Request.\nIf you want CI signal for your change, please convert it to an actual PR.\nYou can still manually trigger a test run with `/test all`";

    private static bool BaseChanged(PullRequestEvent e)
    {
        if (e.Changes is not { ValueKind: System.Text.Json.JsonValueKind.Object } changes || !changes.TryGetProperty("base", out var b)) return false;
        static bool From(System.Text.Json.JsonElement b, string name) =>
            b.TryGetProperty(name, out var p) && p.ValueKind == System.Text.Json.JsonValueKind.Object && p.TryGetProperty("from", out var f)
            && f.ValueKind == System.Text.Json.JsonValueKind.String && f.GetString() is { Length: > 0 };
        return b.ValueKind == System.Text.Json.JsonValueKind.Object && (From(b, "ref") || From(b, "sha"));
    }

    private async Task AbortAsync(PluginContext context, string org, string repo, int number, string? keepSha, CancellationToken ct)
    {
        var aborted = await jobs.AbortPresubmitsAsync(org, repo, number, keepSha, AbortedDescription, ct);
        if (aborted > 0) context.Logger.LogInformation("Aborted {Count} presubmits of {Org}/{Repo}#{Number}.", aborted, org, repo, number);
    }

    private async Task BuildAllIfTrustedAsync(PluginContext context, TriggerConfig trigger, PullRequest pr, int number, IReadOnlyList<Presubmit> presubmits, CancellationToken ct)
    {
        var (org, repo) = (context.Org, context.Repo);
        var (labels, trusted) = await TriggerTrust.TrustedPullRequestAsync(context.GitHub, trigger, pr.User.Login, org, repo, number, null, ct);
        if (!trusted) return;
        if (TriggerTrust.HasLabel(labels, TriggerTrust.NeedsOkToTest))
            await context.GitHub.RemoveLabelAsync(org, repo, number, TriggerTrust.NeedsOkToTest, ct);
        context.Logger.LogInformation("Starting all jobs for updated PR.");
        await BuildAllAsync(context, pr, presubmits, ct);
    }

    private async Task BuildAllAsync(PluginContext context, PullRequest pr, IReadOnlyList<Presubmit> presubmits, CancellationToken ct)
    {
        if (pr.Draft)
        {
            context.Logger.LogInformation("Skipping all jobs for draft PR.");
            return;
        }
        var changes = await ChangesAsync(context, pr.Number, presubmits, ct);
        var toTest = PresubmitFilters.Filter(PresubmitFilters.TestAllFilter, changes, pr.Base.Ref, presubmits);
        await RunRequestedAsync(context, pr, await BaseShaAsync(context, pr, ct), toTest, null, ct);
    }

    private async Task WelcomeAsync(PluginContext context, TriggerConfig trigger, PullRequest pr, int number, CancellationToken ct)
    {
        var (org, repo, author) = (context.Org, context.Repo, pr.User.Login);
        var encodedRepo = WebUtility.UrlEncode(pr.Base.Repo?.FullName is { Length: > 0 } full ? full : $"{org}/{repo}");
        var more = trigger.TrustedOrg.Length > 0 && trigger.TrustedOrg != org ? $"or [{trigger.TrustedOrg}](https://github.com/orgs/{trigger.TrustedOrg}/people) " : "";
        var joinOrgUrl = trigger.JoinOrgUrl.Length > 0 ? trigger.JoinOrgUrl : $"https://github.com/orgs/{org}/people";
        string comment;
        if (trigger.IgnoreOkToTest)
        {
            comment = $"Hi @{author}. Thanks for your PR.\n\nPRs from untrusted users cannot be marked as trusted with `/ok-to-test` in this repo meaning untrusted PR authors can never trigger tests themselves. Collaborators can still trigger tests on the PR using `/test all`.\n\nI understand the commands that are listed [here](https://go.k8s.io/bot-commands?repo={encodedRepo}).\n\n<details>\n\n{PluginResponses.AboutThisBotWithoutCommands}\n</details>\n";
        }
        else
        {
            var guidance = await InvitationGuidanceAsync(context, org, pr.User, joinOrgUrl, trigger.OrgInvite, ct);
            comment = $"Hi @{author}. Thanks for your PR.\n\nI'm waiting for a [{org}](https://github.com/orgs/{org}/people) {more}member to verify that this patch is reasonable to test. If it is, they should reply with `/ok-to-test` on its own line. Until that is done, I will not automatically test new commits in this PR, but the usual testing commands by org members will still work.\n\n{guidance}\n\nOnce the patch is verified, the new status will be reflected by the `{TriggerTrust.OkToTest}` label.\n\nI understand the commands that are listed [here](https://go.k8s.io/bot-commands?repo={encodedRepo}).\n\n<details>\n\n{PluginResponses.AboutThisBotWithoutCommands}\n</details>\n";
            var labels = await context.GitHub.GetIssueLabelsAsync(org, repo, number, ct);
            if (!TriggerTrust.HasLabel(labels, TriggerTrust.OkToTest))
                await context.GitHub.AddLabelsAsync(org, repo, number, [TriggerTrust.NeedsOkToTest], ct);
        }
        await context.GitHub.CreateCommentAsync(org, repo, number, comment, ct);
    }

    private static async Task<string> InvitationGuidanceAsync(PluginContext context, string org, User author, string joinOrgUrl, OrgInviteConfig invite, CancellationToken ct)
    {
        var regular = $"Regular contributors should [join the org]({joinOrgUrl}) to skip this step.";
        if (invite.Prominent.Disabled || author.Type == "Bot") return regular;
        IReadOnlyList<Issue> merged;
        try
        {
            merged = await context.GitHub.SearchIssuesAsync($"type:pr is:merged org:{org} author:{author.Login}", ct);
        }
        catch (GitHubException ex)
        {
            context.Logger.LogDebug(ex, "Failed to query merged PRs for join-org guidance");
            return regular;
        }
        if (merged.Count < invite.Prominent.EffectiveMergedPrThreshold) return regular;
        return invite.Prominent.Message.Length > 0
            ? invite.Prominent.Message.Replace("{join_org_url}", joinOrgUrl, StringComparison.Ordinal)
            : $">[!TIP]\n>**We noticed you've done this a few times! Consider [joining the org]({joinOrgUrl}) to skip this step and gain `/lgtm` and other bot rights.** We recommend asking approvers on your previous PRs to sponsor you.";
    }

    // Comments

    private async Task HandleCommentAsync(PluginContext context, GenericCommentEvent gc, CancellationToken ct)
    {
        if (gc.Action != GenericCommentAction.Created || !gc.IsPR || gc.IssueState != "open") return;
        var (org, repo, number, commenter) = (context.Org, context.Repo, gc.Number, gc.User.Login);
        var presubmits = context.Config.Config.PresubmitsFor($"{org}/{repo}");
        var text = CommandParser.DropCodeBlocks(gc.Body);
        if (!PresubmitFilters.CommentMatchesTrigger(text, presubmits)) return;
        if (await TriggerTrust.IsBotAsync(context.GitHub, commenter, ct)) return;

        var trigger = context.Plugins.TriggerFor(org, repo);
        var honorOkToTest = !trigger.IgnoreOkToTest;
        var commenterTrusted = await TriggerTrust.TrustedUserAsync(context.GitHub, trigger, commenter, org, repo, ct);
        IReadOnlyList<Label>? labels = null;
        if (!commenterTrusted)
        {
            (labels, var trusted) = await TriggerTrust.TrustedPullRequestAsync(context.GitHub, trigger, gc.IssueAuthor.Login, org, repo, number, null, ct);
            if (!trusted)
            {
                await context.ReplyAsync(trigger.IgnoreOkToTest
                    ? "PRs from untrusted users cannot be marked as trusted with `/ok-to-test` in this repo meaning untrusted PR authors can never trigger tests themselves. Collaborators can still trigger tests on the PR using `/test`."
                    : "Cannot trigger testing until a trusted user reviews the PR and leaves an `/ok-to-test` message.", ct);
                return;
            }
        }

        labels ??= await context.GitHub.GetIssueLabelsAsync(org, repo, number, ct);
        var isOkToTest = honorOkToTest && PresubmitFilters.OkToTest().IsMatch(text);
        if (isOkToTest && !TriggerTrust.HasLabel(labels, TriggerTrust.OkToTest))
            await context.GitHub.AddLabelsAsync(org, repo, number, [TriggerTrust.OkToTest], ct);
        if ((isOkToTest || TriggerTrust.HasLabel(labels, TriggerTrust.OkToTest)) && TriggerTrust.HasLabel(labels, TriggerTrust.NeedsOkToTest))
            await context.GitHub.RemoveLabelAsync(org, repo, number, TriggerTrust.NeedsOkToTest, ct);

        if (honorOkToTest && PresubmitFilters.OkToTestCancel().IsMatch(text))
        {
            if (!commenterTrusted)
            {
                await context.ReplyAsync("Only trusted users can revoke `/ok-to-test`.", ct);
                return;
            }
            if (TriggerTrust.HasLabel(labels, TriggerTrust.OkToTest))
                await context.GitHub.RemoveLabelAsync(org, repo, number, TriggerTrust.OkToTest, ct);
            if (!TriggerTrust.HasLabel(labels, TriggerTrust.NeedsOkToTest))
                await context.GitHub.AddLabelsAsync(org, repo, number, [TriggerTrust.NeedsOkToTest], ct);
            return;
        }

        var pr = await context.GitHub.GetPullRequestAsync(org, repo, number, ct);
        if (pr.Number == 0) pr.Number = number;
        var baseSha = await BaseShaAsync(context, pr, ct);
        var filter = await PresubmitFilters.ForCommentAsync(honorOkToTest, async () =>
        {
            var status = await context.GitHub.GetCombinedStatusAsync(org, repo, pr.Head.Sha, ct);
            ISet<string> all = new HashSet<string>(status.Statuses.Select(s => s.Context), StringComparer.Ordinal);
            ISet<string> failed = new HashSet<string>(status.Statuses.Where(s => s.State is "error" or "failure").Select(s => s.Context), StringComparer.Ordinal);
            return (failed, all);
        }, text);
        var changes = await ChangesAsync(context, number, presubmits, ct);
        var toTest = PresubmitFilters.Filter(filter, changes, pr.Base.Ref, presubmits);

        var (help, note) = PresubmitFilters.ShouldRespondWithHelp(text, toTest.Count);
        if (help)
        {
            var (testAll, optional, required) = PresubmitFilters.Available(changes, pr.Base.Ref, presubmits);
            await context.ReplyAsync(PresubmitFilters.HelpMessage(org, repo, pr.Base.Ref, note, testAll, optional, required), ct);
            return;
        }
        if (PresubmitFilters.AnyTest().IsMatch(text)) await PruneHelpCommentsAsync(context, number, ct);
        Dictionary<string, string>? extraLabels = null;
        if (PresubmitFilters.Retest().IsMatch(text) || PresubmitFilters.RetestRequired().IsMatch(text))
            extraLabels = new(StringComparer.Ordinal) { [ProwJobLabels.Retest] = "true" };
        await RunRequestedAsync(context, pr, baseSha, toTest, extraLabels, ct);
    }

    /// <summary>Prow's comment pruning: the bot's earlier help replies on the PR are deleted; failures are only logged.</summary>
    private static async Task PruneHelpCommentsAsync(PluginContext context, int number, CancellationToken ct)
    {
        try
        {
            foreach (var comment in await context.GitHub.ListIssueCommentsAsync(context.Org, context.Repo, number, ct))
            {
                if (!PresubmitFilters.IsHelpComment(comment.Body) || !await TriggerTrust.IsBotAsync(context.GitHub, comment.User.Login, ct)) continue;
                await context.GitHub.DeleteCommentAsync(context.Org, context.Repo, comment.Id, ct);
            }
        }
        catch (GitHubException ex)
        {
            context.Logger.LogError(ex, "Failed to prune help comments of {Org}/{Repo}#{Number}", context.Org, context.Repo, number);
        }
    }

    // Creating jobs

    /// <summary>
    /// The PR's changed files when some job has a file rule (one GitHub call, made up front because the jobs'
    /// <c>ShouldRun</c> is synchronous); otherwise a provider that is never asked.
    /// </summary>
    private static async Task<Func<IReadOnlyList<string>>> ChangesAsync(PluginContext context, int number, IReadOnlyList<Presubmit> presubmits, CancellationToken ct)
    {
        if (!presubmits.Any(p => ChangeMatcher.CouldRun(p.RunIfChanged, p.SkipIfOnlyChanged))) return () => [];
        var files = await context.GitHub.GetPullRequestChangesAsync(context.Org, context.Repo, number, ct);
        IReadOnlyList<string> names = [.. files.Select(f => f.Filename)];
        return () => names;
    }

    /// <summary>Prow reads the base branch's SHA (<c>heads/BASE</c>); the payload's base SHA is the fallback.</summary>
    private static async Task<string> BaseShaAsync(PluginContext context, PullRequest pr, CancellationToken ct)
    {
        var sha = await context.GitHub.GetRefAsync(context.Org, context.Repo, "heads/" + pr.Base.Ref, ct);
        return sha.Length > 0 ? sha : pr.Base.Sha;
    }

    private async Task RunRequestedAsync(PluginContext context, PullRequest pr, string baseSha, IReadOnlyList<Presubmit> toRun, IReadOnlyDictionary<string, string>? extraLabels, CancellationToken ct)
    {
        // Prow starts nothing for a PR GitHub reports as unmergeable (conflicts).
        if (pr.Mergeable == false) return;
        var refs = PresubmitRefs(context.Org, context.Repo, pr, baseSha);
        var errors = new List<Exception>();
        foreach (var job in toRun)
        {
            var factory = new ProwJobFactory(context.Time, () => JobNames.For(context.DeliveryId, job.Name, pr.Head.Sha));
            var pj = factory.NewPresubmit(job, refs.Clone(), context.DeliveryId, extraLabels, context.Config.Config.Scheduler.Enabled);
            pj.Metadata.Namespace = context.Config.Config.ProwJobNamespace;
            context.Logger.LogInformation("Creating ProwJob {Name} for {Job} on {Org}/{Repo}#{Number}@{Sha}.", pj.Metadata.Name, job.Name, context.Org, context.Repo, pr.Number, pr.Head.Sha);
            try
            {
                await jobs.CreateAsync(pj, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                errors.Add(ex);
            }
        }
        if (errors.Count > 0) throw new AggregateException("failed to create ProwJobs", errors);
    }

    /// <summary>Prow's <c>createRefs</c> for a pull request.</summary>
    public static JobRefs PresubmitRefs(string org, string repo, PullRequest pr, string baseSha) =>
        ProwJobRefs.ForPullRequest(pr, baseSha, org, repo);

    // Pushes

    private async Task HandlePushAsync(PluginContext context, PushEvent e, CancellationToken ct)
    {
        if (e.Deleted || e.After == ZeroSha) return;
        var (org, repo) = (context.Org, context.Repo);
        IReadOnlyList<string> changed = [.. e.Commits.SelectMany(c => c.Added.Concat(c.Removed).Concat(c.Modified)).Distinct(StringComparer.Ordinal)];
        var refs = new JobRefs
        {
            Org = e.Repo.Owner.Name is { Length: > 0 } ownerName ? ownerName : org,
            Repo = e.Repo.Name,
            RepoLink = e.Repo.HtmlUrl ?? "",
            BaseRef = e.Branch,
            BaseSha = e.After,
            BaseLink = e.Compare ?? "",
        };
        foreach (var job in context.Config.Config.PostsubmitsFor($"{org}/{repo}"))
        {
            if (!job.ShouldRun(e.Branch, () => changed)) continue;
            var factory = new ProwJobFactory(context.Time, () => JobNames.For(context.DeliveryId, job.Name, e.After));
            var pj = factory.NewPostsubmit(job, refs.Clone(), context.DeliveryId, context.Config.Config.Scheduler.Enabled);
            pj.Metadata.Namespace = context.Config.Config.ProwJobNamespace;
            context.Logger.LogInformation("Creating ProwJob {Name} for {Job} on {Org}/{Repo}@{Sha}.", pj.Metadata.Name, job.Name, org, repo, e.After);
            await jobs.CreateAsync(pj, ct);
        }
    }
}
