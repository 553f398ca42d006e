using Prow.Grains.Plugins;

namespace Prow.Grains.Tests.Plugins;

public class CommandAudienceTests
{
    private static PluginCommand Approve(CommandUsers who) => new()
    {
        Names = ["approve"],
        Arguments = "no-issue|cancel",
        WhoMayUse = who,
        Description = "approve",
    };

    private static async Task<(DispatcherHarness Harness, ProbePlugin Plugin)> CommentAsync(CommandUsers who, string login, Action<RecordingGitHub>? setUp = null)
    {
        var plugin = new ProbePlugin("approve", commands: [Approve(who)]);
        var harness = new DispatcherHarness("plugins:\n  Codertocat: [approve]\n", plugin);
        setUp?.Invoke(harness.GitHub);
        await harness.DispatchAsync("issue_comment", CommentPayloads.OnPullRequest("/approve", login));
        return (harness, plugin);
    }

    // case, who may use, commenter, members, collaborators, allowed
    public static TheoryData<string, CommandUsers, string, string[], string[], bool> Cases => new()
    {
        { "anyone", CommandUsers.Anyone, "stranger", [], [], true },
        { "member", CommandUsers.OrgMembers, "alice", ["alice"], [], true },
        { "non-member", CommandUsers.OrgMembers, "stranger", ["alice"], [], false },
        { "collaborator", CommandUsers.Collaborators, "bob", [], ["bob"], true },
        { "non-collaborator", CommandUsers.Collaborators, "alice", ["alice"], ["bob"], false },
        { "member of members-or-collaborators", CommandUsers.OrgMembers | CommandUsers.Collaborators, "alice", ["alice"], [], true },
        { "collaborator of members-or-collaborators", CommandUsers.OrgMembers | CommandUsers.Collaborators, "bob", [], ["bob"], true },
        { "author (Codertocat wrote the issue)", CommandUsers.Author, "Codertocat", [], [], true },
        { "not the author", CommandUsers.Author, "stranger", [], [], false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Command_RunsOnlyForThoseAllowed(string name, CommandUsers who, string commenter, string[] members, string[] collaborators, bool allowed)
    {
        var (harness, plugin) = await CommentAsync(who, commenter, gh =>
        {
            gh.OrgMembers.UnionWith(members);
            gh.Collaborators.UnionWith(collaborators);
        });

        Assert.True(allowed == (plugin.Calls.Count == 1), name);
        Assert.True(allowed == (harness.GitHub.Comments.Count == 0), name);
    }

    [Fact]
    public async Task Refusal_RepliesInProwsFormat()
    {
        var (harness, _) = await CommentAsync(CommandUsers.OrgMembers | CommandUsers.Collaborators, "stranger");

        var (issue, body) = Assert.Single(harness.GitHub.Comments);
        Assert.Equal("Codertocat/Hello-World#1", issue);
        Assert.Equal(
            PluginResponses.FormatResponseRaw("/approve", CommentPayloads.CommentUrl, "stranger",
                "only members of the Codertocat organization or collaborators of Codertocat/Hello-World can use the `/approve` command."),
            body);
        Assert.StartsWith("@stranger: only members", body, StringComparison.Ordinal);
        Assert.Contains("In response to [this](" + CommentPayloads.CommentUrl + "):\n\n>/approve\n", body, StringComparison.Ordinal);
        Assert.EndsWith("repository.\n</details>", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anyone_NeedsNoGitHubLookup()
    {
        var (harness, _) = await CommentAsync(CommandUsers.Anyone, "stranger");

        Assert.Empty(harness.GitHub.Calls);
    }

    [Fact]
    public void DefaultWhoCanUse_DescribesTheAudience()
    {
        Assert.Equal("Anyone can use the /approve command.", Approve(CommandUsers.Anyone).WhoCanUseText);
        Assert.Equal("Only the author or collaborators of the repository can use the /approve command.",
            Approve(CommandUsers.Author | CommandUsers.Collaborators).WhoCanUseText);
    }
}
