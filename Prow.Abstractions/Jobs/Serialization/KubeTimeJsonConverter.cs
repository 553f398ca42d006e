using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Prow.Abstractions.Jobs.Serialization;

/// <summary>
/// Kubernetes' <c>metav1.Time</c>: RFC 3339 in UTC with whole seconds ("2026-01-02T15:04:05Z"), as the
/// API server writes it. Reads any RFC 3339 time (fractions and offsets included).
/// </summary>
public sealed class KubeTimeJsonConverter : JsonConverter<DateTimeOffset>
{
    public const string Format = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString() ?? throw new JsonException("expected an RFC 3339 time");
        return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime();
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(ToText(value));

    /// <summary>The text Kubernetes writes for <paramref name="value"/>.</summary>
    public static string ToText(DateTimeOffset value) => value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);
}
