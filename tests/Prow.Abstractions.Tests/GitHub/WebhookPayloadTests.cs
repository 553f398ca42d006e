using System.Text.Json.Nodes;
using Prow.Abstractions.GitHub;
using Prow.Abstractions.GitHub.Events;
using Prow.TestSupport.Webhooks;

namespace Prow.Abstractions.Tests.GitHub;

/// <summary>Every real example payload of the routed events binds to our lenient models with its key fields.</summary>
public sealed class WebhookPayloadTests
{
    public static TheoryData<string, int> Examples()
    {
        var data = new TheoryData<string, int>();
        foreach (var eventType in WebhookExamples.EventTypes.Where(e => e != "ping"))
        {
            for (var i = 0; i < WebhookExamples.Of(eventType).Count; i++) data.Add(eventType, i);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void RealExample_BindsWithKeyFields(string eventType, int index)
    {
        var json = WebhookExamples.Of(eventType)[index];
        var raw = JsonNode.Parse(json)!;
        WebhookPayload payload = eventType switch
        {
            "pull_request" => Check(GitHubJson.Deserialize<PullRequestEvent>(json), e => Assert.Equal((int)raw["number"]!, e.PullRequest.Number)),
            "pull_request_review" => Check(GitHubJson.Deserialize<PullRequestReviewEvent>(json), e => Assert.NotEmpty(e.Review.State)),
            "pull_request_review_comment" => Check(GitHubJson.Deserialize<PullRequestReviewCommentEvent>(json), e => Assert.NotEmpty(e.Comment.User.Login)),
            "issues" => Check(GitHubJson.Deserialize<IssueEvent>(json), e => Assert.True(e.Issue.Number > 0)),
            "issue_comment" => Check(GitHubJson.Deserialize<IssueCommentEvent>(json), e => Assert.Equal((string)raw["comment"]!["body"]!, e.Comment.Body)),
            "push" => Check(GitHubJson.Deserialize<PushEvent>(json), e => Assert.StartsWith("refs/", e.Ref)),
            "status" => Check(GitHubJson.Deserialize<StatusEvent>(json), e => Assert.Equal(40, e.Sha.Length)),
            "check_run" => Check(GitHubJson.Deserialize<CheckRunEvent>(json), e => Assert.Equal(40, e.CheckRun.HeadSha.Length)),
            "check_suite" => Check(GitHubJson.Deserialize<CheckSuiteEvent>(json), e => Assert.Equal(40, e.CheckSuite.HeadSha.Length)),
            "create" or "delete" => Check(GitHubJson.Deserialize<RefEvent>(json), e => Assert.NotEmpty(e.RefType)),
            _ => throw new InvalidOperationException(eventType),
        };
        Assert.Equal((string?)raw["repository"]?["full_name"], payload.Repo.FullName);
        Assert.Equal((string?)raw["action"], payload.Action);
        Assert.Equal((string)raw["sender"]!["login"]!, payload.Sender.Login);
    }

    [Fact]
    public void IssueComment_IsPullRequestOnlyWithPullRequestLinks()
    {
        var example = WebhookExamples.Get("issue_comment", "created");
        Assert.False(GitHubJson.Deserialize<IssueCommentEvent>(example.ToJsonString()).Issue.IsPullRequest);

        example["issue"]!["pull_request"] = new JsonObject { ["url"] = "https://api.github.com/repos/o/r/pulls/1" };
        Assert.True(GitHubJson.Deserialize<IssueCommentEvent>(example.ToJsonString()).Issue.IsPullRequest);
    }

    private static T Check<T>(T payload, Action<T> assert)
    {
        assert(payload);
        return payload;
    }
}
