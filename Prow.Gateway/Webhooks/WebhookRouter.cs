using System.Text.Json;
using Prow.Abstractions.GitHub;
using Prow.Abstractions.GitHub.Events;
using Prow.Abstractions.Webhooks;

namespace Prow.Gateway.Webhooks;

/// <summary>
/// Pure: decides from the event type and the parsed body which grain owns a delivery.
/// pull_request, pull_request_review(_comment), issues and issue_comment → the PR/issue grain;
/// push, create, delete, status, check_run, check_suite → the repository grain.
/// </summary>
public static class WebhookRouter
{
    public static readonly IReadOnlySet<string> HandledEvents = new HashSet<string>(StringComparer.Ordinal)
    {
        "pull_request", "pull_request_review", "pull_request_review_comment", "issues", "issue_comment",
        "push", "create", "delete", "status", "check_run", "check_suite",
    };

    /// <summary>The payload model each routed event type must deserialize into.</summary>
    public static Type PayloadType(string eventType) => eventType switch
    {
        "pull_request" => typeof(PullRequestEvent),
        "pull_request_review" => typeof(PullRequestReviewEvent),
        "pull_request_review_comment" => typeof(PullRequestReviewCommentEvent),
        "issues" => typeof(IssueEvent),
        "issue_comment" => typeof(IssueCommentEvent),
        "push" => typeof(PushEvent),
        "status" => typeof(StatusEvent),
        "check_run" => typeof(CheckRunEvent),
        "check_suite" => typeof(CheckSuiteEvent),
        "create" or "delete" => typeof(RefEvent),
        _ => throw new ArgumentException($"event type {eventType} is not routed", nameof(eventType)),
    };

    /// <summary>Null when the body deserializes into its event model, else why not.</summary>
    /// <remarks>Reads the UTF-8 bytes themselves: deserializing a <see cref="JsonElement"/> would first write it out again.</remarks>
    public static string? ModelProblem(string eventType, ReadOnlySpan<byte> body)
    {
        try
        {
            JsonSerializer.Deserialize(body, PayloadType(eventType), GitHubJson.Options);
            return null;
        }
        catch (JsonException ex)
        {
            return ex.Message;
        }
    }

    public static WebhookRoute Route(string eventType, JsonElement body)
    {
        if (eventType == "ping") return WebhookRoute.Ignore("pong");
        if (!HandledEvents.Contains(eventType)) return WebhookRoute.Ignore($"event type {eventType} is not handled");
        if (body.ValueKind != JsonValueKind.Object) return WebhookRoute.Invalid("body is not a JSON object");

        if (!TryRepo(body, out var org, out var repo, out var problem)) return WebhookRoute.Invalid(problem);

        switch (eventType)
        {
            case "pull_request":
                return (Number(body, ["number"]) ?? Number(body, ["pull_request", "number"])) is { } prNumber
                    ? new WebhookRoute(WebhookRouteKind.PullRequest, org, repo, prNumber)
                    : WebhookRoute.Invalid("missing number / pull_request.number");
            case "pull_request_review" or "pull_request_review_comment":
                return Number(body, ["pull_request", "number"]) is { } reviewed
                    ? new WebhookRoute(WebhookRouteKind.PullRequest, org, repo, reviewed)
                    : WebhookRoute.Invalid("missing pull_request.number");
            case "issues" or "issue_comment":
                return Number(body, ["issue", "number"]) is { } issue
                    ? new WebhookRoute(WebhookRouteKind.PullRequest, org, repo, issue)
                    : WebhookRoute.Invalid("missing issue.number");
            case "status" or "check_run" or "check_suite":
                return CommitEvents.Sha(eventType, body) is not null
                    ? new WebhookRoute(WebhookRouteKind.Repo, org, repo)
                    : WebhookRoute.Invalid($"missing {string.Join('.', CommitEvents.ShaPath(eventType)!)}");
            default: // push, create, delete
                return String(body, ["ref"]) is not null ? new WebhookRoute(WebhookRouteKind.Repo, org, repo) : WebhookRoute.Invalid("missing ref");
        }
    }

    /// <summary>The repository a body is about (for choosing the HMAC secret): repository, else organization.</summary>
    public static (string? Org, string? Repo) Owner(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object) return (null, null);
        if (TryRepo(body, out var org, out var repo, out _)) return (org, repo);
        return (String(body, ["organization", "login"]), null);
    }

    private static bool TryRepo(JsonElement body, out string org, out string repo, out string problem)
    {
        org = repo = problem = "";
        if (!body.TryGetProperty("repository", out var repository) || repository.ValueKind != JsonValueKind.Object)
        {
            problem = "missing repository";
            return false;
        }
        var fullName = String(repository, ["full_name"]);
        var slash = fullName?.IndexOf('/') ?? -1;
        if (fullName is not null && slash > 0 && slash < fullName.Length - 1)
        {
            org = fullName[..slash];
            repo = fullName[(slash + 1)..];
            return true;
        }
        var owner = String(repository, ["owner", "login"]);
        var name = String(repository, ["name"]);
        if (string.IsNullOrEmpty(owner) || string.IsNullOrEmpty(name))
        {
            problem = "missing repository.full_name (or repository.owner.login and repository.name)";
            return false;
        }
        (org, repo) = (owner, name);
        return true;
    }

    private static JsonElement? Walk(JsonElement element, string[] path)
    {
        foreach (var part in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(part, out element)) return null;
        }
        return element;
    }

    private static string? String(JsonElement element, string[] path) =>
        Walk(element, path) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static int? Number(JsonElement element, string[] path) =>
        Walk(element, path) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt32(out var n) && n > 0 ? n : null;
}
