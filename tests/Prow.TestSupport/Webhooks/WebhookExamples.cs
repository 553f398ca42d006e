using System.Text.Json.Nodes;

namespace Prow.TestSupport.Webhooks;

/// <summary>Complete real webhook payloads from <c>@octokit/webhooks-examples</c> (see README.md beside this file).</summary>
public static class WebhookExamples
{
    private static readonly Lazy<JsonObject> All = new(() =>
        (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Webhooks", "octokit-webhooks-examples.json")))!);

    /// <summary>Every example of <paramref name="eventType"/> (e.g. "pull_request"), as raw JSON text.</summary>
    public static IReadOnlyList<string> Of(string eventType) =>
        All.Value[eventType] is JsonArray examples
            ? examples.Select(e => e!.ToJsonString()).ToList()
            : throw new ArgumentException($"no examples for event {eventType}");

    /// <summary>The first example of <paramref name="eventType"/> with <paramref name="action"/> (null: the first example).</summary>
    public static JsonObject Get(string eventType, string? action = null)
    {
        var examples = (JsonArray)(All.Value[eventType] ?? throw new ArgumentException($"no examples for event {eventType}"));
        var match = examples.FirstOrDefault(e => action is null || (string?)e!["action"] == action)
            ?? throw new ArgumentException($"no {eventType} example with action {action}");
        return (JsonObject)match!.DeepClone();
    }

    public static IEnumerable<string> EventTypes => All.Value.Select(p => p.Key);
}
