using Prow.Grains.Plugins.Hold;
using Prow.Grains.Tests.Plugins;
using Prow.TestSupport;

namespace Prow.Grains.Tests.Plugins.Hold;

public class HoldPluginTests
{
    private const string Yaml = "plugins:\n  Codertocat:\n    plugins: [hold]\n";
    private const string Pr = "Codertocat/Hello-World#1";

    private static async Task<DispatcherHarness> CommentAsync(string body, string[] labelsBefore, bool onPullRequest = true, string action = "created")
    {
        var harness = new DispatcherHarness(Yaml);
        harness.GitHub.SetLabels("Codertocat", "Hello-World", 1, labelsBefore);
        var payload = onPullRequest ? CommentPayloads.OnPullRequest(body, "someone", action) : CommentPayloads.OnIssue(body, "someone", action);
        await harness.DispatchAsync("issue_comment", payload);
        return harness;
    }

    // case, comment body, labels before, writes expected ("" for none)
    public static TheoryData<string, string, string[], string> Cases => new()
    {
        { "hold adds the label", "/hold", [], $"AddLabels {Pr} do-not-merge/hold" },
        { "hold with a reason adds the label", "/hold until the release is cut", [], $"AddLabels {Pr} do-not-merge/hold" },
        { "hold in capitals", "/HOLD", [], $"AddLabels {Pr} do-not-merge/hold" },
        { "already held: nothing to do", "/hold", ["do-not-merge/hold"], "" },
        { "hold cancel removes it", "/hold cancel", ["do-not-merge/hold"], $"RemoveLabel {Pr} do-not-merge/hold" },
        { "hold CANCEL removes it", "/hold CANCEL", ["do-not-merge/hold"], $"RemoveLabel {Pr} do-not-merge/hold" },
        { "unhold removes it", "/unhold", ["do-not-merge/hold"], $"RemoveLabel {Pr} do-not-merge/hold" },
        { "remove-hold removes it", "/remove-hold", ["do-not-merge/hold", "lgtm"], $"RemoveLabel {Pr} do-not-merge/hold" },
        { "unhold without the label: nothing", "/unhold", ["lgtm"], "" },
        { "label in another case counts as held", "/unhold", ["Do-Not-Merge/Hold"], $"RemoveLabel {Pr} do-not-merge/hold" },
        { "cancel wins over hold in one comment", "/hold\n/hold cancel", ["do-not-merge/hold"], $"RemoveLabel {Pr} do-not-merge/hold" },
        { "hold cancellation is not cancel", "/hold cancellation pending", [], $"AddLabels {Pr} do-not-merge/hold" },
        { "mid-line is not a command", "please /hold", [], "" },
        { "quoted is not a command", "> /hold", [], "" },
        { "in a code block is not a command", "```\n/hold\n```", [], "" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Comment_OnPullRequest(string name, string body, string[] labelsBefore, string expectedWrites)
    {
        var harness = await CommentAsync(body, labelsBefore);

        Assert.True(expectedWrites == string.Join("; ", harness.GitHub.Writes), $"{name}: {string.Join("; ", harness.GitHub.Calls)}");
    }

    [Fact]
    public async Task Hold_RepliesNothing_AsProw()
    {
        var harness = await CommentAsync("/hold", []);

        Assert.Empty(harness.GitHub.Comments);
        Assert.Equal(["do-not-merge/hold"], harness.GitHub.LabelsOn("Codertocat", "Hello-World", 1));
    }

    [Fact]
    public async Task Hold_OnAnIssue_IsIgnored()
    {
        var harness = await CommentAsync("/hold", [], onPullRequest: false);

        Assert.Empty(harness.GitHub.Calls);
    }

    [Theory]
    [InlineData("edited")]
    [InlineData("deleted")]
    public async Task Hold_InEditedOrDeletedComment_IsIgnored(string action)
    {
        var harness = await CommentAsync("/hold", [], action: action);

        Assert.Empty(harness.GitHub.Calls);
    }

    [Fact]
    public async Task Hold_InPullRequestReview_AddsTheLabel()
    {
        var harness = new DispatcherHarness(Yaml);
        var review = WebhookPayloads.Edit("pull_request_review.submitted", p => p["review"]!["body"] = "Looks fine but\n/hold");

        await harness.DispatchAsync("pull_request_review", review);

        Assert.Equal(["AddLabels Codertocat/Hello-World#2 do-not-merge/hold"], harness.GitHub.Writes);
    }

    [Fact]
    public void Help_IsProws()
    {
        var command = Assert.Single(new HoldPlugin().Commands);

        Assert.Equal("/[remove-][un]hold [cancel]", command.UsageText);
        Assert.Equal("Anyone can use the /hold command to add or remove the 'do-not-merge/hold' Label.", command.WhoCanUseText);
        Assert.Equal(["/hold", "/hold cancel", "/unhold", "/remove-hold"], command.Examples);
        Assert.False(command.Featured);
    }
}
