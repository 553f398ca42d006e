using System.Text.Json;

namespace Prow.Abstractions.Webhooks;

/// <summary>
/// Events about a commit rather than a pull request (status, check_run, check_suite): they reach the
/// pull requests whose head is that commit. One definition of where each carries the SHA, for the
/// gateway (which refuses a delivery without it) and the repository grain (which routes by it).
/// </summary>
public static class CommitEvents
{
    /// <summary>The JSON path of the commit SHA in <paramref name="eventType"/>'s payload, or null when the event is not routed by commit.</summary>
    public static string[]? ShaPath(string eventType) => eventType switch
    {
        "status" => ["sha"],
        "check_run" => ["check_run", "head_sha"],
        "check_suite" => ["check_suite", "head_sha"],
        _ => null,
    };

    /// <summary>The commit the event is about, or null (not a commit event, or the SHA is missing).</summary>
    public static string? Sha(string eventType, JsonElement body)
    {
        if (ShaPath(eventType) is not { } path) return null;
        var element = body;
        foreach (var part in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(part, out element)) return null;
        }
        return element.ValueKind == JsonValueKind.String ? element.GetString() : null;
    }
}
