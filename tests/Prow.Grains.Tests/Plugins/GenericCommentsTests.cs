using Prow.Grains.Plugins;
using Prow.TestSupport;

namespace Prow.Grains.Tests.Plugins;

public class GenericCommentsTests
{
    private static GenericCommentEvent? Normalise(string eventType, string payloadName) =>
        GenericComments.From(PluginEvents.Parse(eventType, WebhookPayloads.Load(payloadName)), "guid-1");

    // payload file, event type, expected action, is PR, number, body starts with, html url, comment ID
    public static TheoryData<string, string, GenericCommentAction, bool, int, string, string, long?> TextEvents => new()
    {
        { "issue_comment.created", "issue_comment", GenericCommentAction.Created, false, 1, "You are totally right!", "https://github.com/Codertocat/Hello-World/issues/1#issuecomment-492700400", 492700400 },
        { "issue_comment.edited", "issue_comment", GenericCommentAction.Edited, false, 1, "You are totally right!", "https://github.com/Codertocat/Hello-World/issues/1#issuecomment-492700400", 492700400 },
        { "issue_comment.deleted", "issue_comment", GenericCommentAction.Deleted, false, 1, "You are totally right!", "https://github.com/Codertocat/Hello-World/issues/1#issuecomment-492700400", 492700400 },
        { "issues.opened", "issues", GenericCommentAction.Created, false, 1, "It looks like you accidently spelled", "https://github.com/Codertocat/Hello-World/issues/1", null },
        { "issues.edited", "issues", GenericCommentAction.Edited, false, 1, "It looks like you accidently spelled", "https://github.com/Codertocat/Hello-World/issues/1", null },
        { "pull_request.opened", "pull_request", GenericCommentAction.Created, true, 2, "This is a pretty simple change", "https://github.com/Codertocat/Hello-World/pull/2", null },
        { "pull_request_review.submitted", "pull_request_review", GenericCommentAction.Created, true, 2, "", "https://github.com/Codertocat/Hello-World/pull/2#pullrequestreview-237895671", null },
        { "pull_request_review.dismissed", "pull_request_review", GenericCommentAction.Deleted, true, 2, "", "https://github.com/Codertocat/Hello-World/pull/2#pullrequestreview-237895671", null },
        { "pull_request_review_comment.created", "pull_request_review_comment", GenericCommentAction.Created, true, 2, "Maybe you should use more emoji", "https://github.com/Codertocat/Hello-World/pull/2#discussion_r284312630", 284312630 },
        { "pull_request_review_comment.edited", "pull_request_review_comment", GenericCommentAction.Edited, true, 2, "Maybe you should use more emoji", "https://github.com/Codertocat/Hello-World/pull/2#discussion_r284312630", 284312630 },
        { "pull_request_review_comment.deleted", "pull_request_review_comment", GenericCommentAction.Deleted, true, 2, "Maybe you should use more emoji", "https://github.com/Codertocat/Hello-World/pull/2#discussion_r284312630", 284312630 },
    };

    [Theory]
    [MemberData(nameof(TextEvents))]
    public void TextEvent_NormalisesToOneShape(string payload, string eventType, GenericCommentAction action, bool isPr, int number, string bodyStart, string htmlUrl, long? commentId)
    {
        var e = Normalise(eventType, payload);

        Assert.NotNull(e);
        Assert.Equal(action, e.Action);
        Assert.Equal(isPr, e.IsPR);
        Assert.Equal(number, e.Number);
        Assert.StartsWith(bodyStart, e.Body, StringComparison.Ordinal);
        Assert.Equal(htmlUrl, e.HtmlUrl);
        Assert.Equal(commentId, e.CommentId);
        Assert.Equal("Codertocat", e.User.Login);
        Assert.Equal("Codertocat", e.IssueAuthor.Login);
        Assert.Equal("Codertocat/Hello-World", e.Repo.FullName);
        Assert.Equal("guid-1", e.Guid);
        Assert.NotEmpty(e.IssueTitle);
        Assert.NotEmpty(e.IssueHtmlUrl);
    }

    [Theory]
    [InlineData("issues.labeled", "issues")]
    [InlineData("pull_request.closed", "pull_request")]
    [InlineData("pull_request.synchronize", "pull_request")]
    [InlineData("push", "push")]
    [InlineData("status", "status")]
    public void EventWithoutNewText_IsNotAComment(string payload, string eventType)
    {
        Assert.Null(Normalise(eventType, payload));
    }

    [Fact]
    public void PullRequestEdited_CarriesTheBody()
    {
        var json = WebhookPayloads.Edit("pull_request.opened", p => p["action"] = "edited");

        var e = GenericComments.From(PluginEvents.Parse("pull_request", json), "g");

        Assert.Equal(GenericCommentAction.Edited, e!.Action);
        Assert.StartsWith("This is a pretty simple change", e.Body, StringComparison.Ordinal);
        Assert.Equal("Codertocat", e.User.Login);
    }

    [Fact]
    public void IssueCommentOnPullRequest_IsPR()
    {
        var e = GenericComments.From(PluginEvents.Parse("issue_comment", CommentPayloads.OnPullRequest("/hold")), "g");

        Assert.True(e!.IsPR);
        Assert.Equal("/hold", e.Body);
    }

    [Fact]
    public void ReviewBody_IsTheText()
    {
        var json = WebhookPayloads.Edit("pull_request_review.submitted", p => p["review"]!["body"] = "/hold");

        var e = GenericComments.From(PluginEvents.Parse("pull_request_review", json), "g");

        Assert.Equal("/hold", e!.Body);
        Assert.Null(e.CommentId);
    }

    [Fact]
    public void ReviewEdited_IsEdited()
    {
        var json = WebhookPayloads.Edit("pull_request_review.submitted", p => p["action"] = "edited");

        Assert.Equal(GenericCommentAction.Edited, GenericComments.From(PluginEvents.Parse("pull_request_review", json), "g")!.Action);
    }
}
