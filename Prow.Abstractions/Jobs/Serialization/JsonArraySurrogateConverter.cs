using System.Text.Json.Nodes;

namespace Prow.Abstractions.Jobs.Serialization;

/// <summary>Orleans serializes and copies a JsonArray (e.g. Kubernetes tolerations) through its JSON text.</summary>
[RegisterConverter]
public sealed class JsonArraySurrogateConverter : IConverter<JsonArray, JsonArraySurrogate>
{
    public JsonArray ConvertFromSurrogate(in JsonArraySurrogate surrogate) =>
        JsonNode.Parse(surrogate.Json)?.AsArray() ?? [];

    public JsonArraySurrogate ConvertToSurrogate(in JsonArray value) => new() { Json = value.ToJsonString() };
}
