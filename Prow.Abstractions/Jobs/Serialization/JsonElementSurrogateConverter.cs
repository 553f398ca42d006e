using System.Text.Json;

namespace Prow.Abstractions.Jobs.Serialization;

/// <summary>
/// Unknown fields are kept as JsonElements (System.Text.Json writes JsonObject extension data as invalid
/// JSON, dotnet/runtime#60806); Orleans serializes and copies them through their JSON text.
/// </summary>
[RegisterConverter]
public sealed class JsonElementSurrogateConverter : IConverter<JsonElement, JsonElementSurrogate>
{
    public JsonElement ConvertFromSurrogate(in JsonElementSurrogate surrogate)
    {
        using var document = JsonDocument.Parse(surrogate.Json);
        return document.RootElement.Clone();
    }

    public JsonElementSurrogate ConvertToSurrogate(in JsonElement value) => new() { Json = value.GetRawText() };
}
