using System.Text.Json;
using System.Text.Json.Serialization;

namespace Prow.Abstractions.Jobs.Serialization;

/// <summary>
/// A Kubernetes quantity (<c>x-kubernetes-int-or-string</c>): read from a number or a string, written
/// as a string as Go's <c>resource.Quantity</c> does.
/// </summary>
public sealed class IntOrStringJsonConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Null => null,
            _ => throw new JsonException("expected a quantity (number or string)"),
        };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);
}
