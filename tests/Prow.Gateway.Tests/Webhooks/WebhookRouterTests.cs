using System.Text;
using System.Text.Json;
using Prow.Gateway.Webhooks;
using Prow.TestSupport.Webhooks;

namespace Prow.Gateway.Tests.Webhooks;

public sealed class WebhookRouterTests
{
    public static TheoryData<string, string?, WebhookRouteKind> RealPayloads => new()
    {
        { "pull_request", "opened", WebhookRouteKind.PullRequest },
        { "pull_request", "synchronize", WebhookRouteKind.PullRequest },
        { "pull_request", "labeled", WebhookRouteKind.PullRequest },
        { "pull_request", "closed", WebhookRouteKind.PullRequest },
        { "pull_request_review", "submitted", WebhookRouteKind.PullRequest },
        { "pull_request_review_comment", "created", WebhookRouteKind.PullRequest },
        { "issue_comment", "created", WebhookRouteKind.PullRequest },
        { "issue_comment", "edited", WebhookRouteKind.PullRequest },
        { "issues", "opened", WebhookRouteKind.PullRequest },
        { "push", null, WebhookRouteKind.Repo },
        { "create", null, WebhookRouteKind.Repo },
        { "delete", null, WebhookRouteKind.Repo },
        { "status", null, WebhookRouteKind.Repo },
        { "check_run", "completed", WebhookRouteKind.Repo },
        { "check_suite", "completed", WebhookRouteKind.Repo },
        { "ping", null, WebhookRouteKind.Ignore },
    };

    [Theory]
    [MemberData(nameof(RealPayloads))]
    public void Route_RealPayload_GoesToItsOwner(string eventType, string? action, WebhookRouteKind kind)
    {
        var payload = WebhookExamples.Get(eventType, action);
        using var doc = JsonDocument.Parse(payload.ToJsonString());

        var route = WebhookRouter.Route(eventType, doc.RootElement);

        Assert.Equal(kind, route.Kind);
        if (kind == WebhookRouteKind.Ignore) return;
        var fullName = (string)payload["repository"]!["full_name"]!;
        Assert.Equal(fullName, $"{route.Org}/{route.Repo}");
        if (kind == WebhookRouteKind.PullRequest)
        {
            var expected = (int?)payload["pull_request"]?["number"] ?? (int)payload["issue"]!["number"]!;
            Assert.Equal(expected, route.Number);
        }
    }

    public static TheoryData<string, string, string> Invalid => new()
    {
        { "pull_request", "[1,2]", "body is not a JSON object" },
        { "pull_request", "{\"number\": 1}", "missing repository" },
        { "pull_request", "{\"repository\": {\"name\": \"r\"}, \"number\": 1}", "missing repository.full_name (or repository.owner.login and repository.name)" },
        { "pull_request", "{\"repository\": {\"full_name\": \"o/r\"}}", "missing number / pull_request.number" },
        { "issue_comment", "{\"repository\": {\"full_name\": \"o/r\"}, \"issue\": {\"number\": \"7\"}}", "missing issue.number" },
        { "status", "{\"repository\": {\"full_name\": \"o/r\"}}", "missing sha" },
        { "check_run", "{\"repository\": {\"full_name\": \"o/r\"}, \"check_run\": {}}", "missing check_run.head_sha" },
        { "push", "{\"repository\": {\"full_name\": \"o/r\"}}", "missing ref" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Route_StructurallyInvalid_SaysWhatIsMissing(string eventType, string body, string reason)
    {
        using var doc = JsonDocument.Parse(body);
        var route = WebhookRouter.Route(eventType, doc.RootElement);
        Assert.Equal(WebhookRouteKind.Invalid, route.Kind);
        Assert.Equal(reason, route.Reason);
    }

    [Fact]
    public void Route_UnhandledEvent_IgnoredWithReason()
    {
        using var doc = JsonDocument.Parse("{}");
        var route = WebhookRouter.Route("star", doc.RootElement);
        Assert.Equal(WebhookRouteKind.Ignore, route.Kind);
        Assert.Equal("event type star is not handled", route.Reason);
    }

    [Fact]
    public void Route_OwnerLoginAndName_UsedWithoutFullName()
    {
        using var doc = JsonDocument.Parse("{\"repository\": {\"owner\": {\"login\": \"o\"}, \"name\": \"r\"}, \"issue\": {\"number\": 3}}");
        var route = WebhookRouter.Route("issues", doc.RootElement);
        Assert.Equal(("o", "r", 3), (route.Org, route.Repo, route.Number));
    }

    [Theory]
    [MemberData(nameof(RealPayloads))]
    public void ModelProblem_RealPayload_None(string eventType, string? action, WebhookRouteKind kind)
    {
        if (kind == WebhookRouteKind.Ignore) return;
        Assert.Null(WebhookRouter.ModelProblem(eventType, Encoding.UTF8.GetBytes(WebhookExamples.Get(eventType, action).ToJsonString())));
    }

    [Fact]
    public void ModelProblem_WrongShape_Explained()
    {
        var payload = WebhookExamples.Get("pull_request", "opened");
        payload["pull_request"] = 7;
        Assert.Contains("pull_request", WebhookRouter.ModelProblem("pull_request", Encoding.UTF8.GetBytes(payload.ToJsonString())));
    }
}
