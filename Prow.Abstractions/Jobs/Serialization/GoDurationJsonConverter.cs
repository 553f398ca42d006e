using System.Text.Json;
using System.Text.Json.Serialization;
using Prow.Abstractions.Config.Yaml;

namespace Prow.Abstractions.Jobs.Serialization;

/// <summary>
/// Prow's <c>Duration</c> and Kubernetes' <c>metav1.Duration</c>: written as Go's duration string
/// ("2h0m0s"); read from a duration string or (Prow's Duration) an integer of nanoseconds.
/// </summary>
public sealed class GoDurationJsonConverter : JsonConverter<TimeSpan>
{
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number) return TimeSpan.FromTicks(reader.GetInt64() / 100);
        var text = reader.GetString();
        return GoDuration.TryParse(text, out var value) ? value : throw new JsonException($"invalid duration \"{text}\"");
    }

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
        writer.WriteStringValue(GoDuration.Format(value));
}
