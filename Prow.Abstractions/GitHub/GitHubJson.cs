using System.Text.Json;
using System.Text.Json.Serialization;

namespace Prow.Abstractions.GitHub;

/// <summary>
/// JSON settings for GitHub's REST and webhook payloads: snake_case names, unknown fields ignored,
/// missing fields left at their defaults (lenient, so GitHub adding fields never breaks us).
/// </summary>
public static class GitHubJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"expected a JSON object for {typeof(T).Name}, got null");

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}
