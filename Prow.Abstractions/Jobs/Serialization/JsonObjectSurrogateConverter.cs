using System.Text.Json.Nodes;

namespace Prow.Abstractions.Jobs.Serialization;

/// <summary>
/// Lets raw Kubernetes objects (pod specs, PipelineRun specs, unknown fields) cross grain boundaries
/// and live in grain state: Orleans serializes and copies a JsonObject through its JSON text.
/// </summary>
[RegisterConverter]
public sealed class JsonObjectSurrogateConverter : IConverter<JsonObject, JsonObjectSurrogate>
{
    public JsonObject ConvertFromSurrogate(in JsonObjectSurrogate surrogate) =>
        JsonNode.Parse(surrogate.Json)?.AsObject() ?? [];

    public JsonObjectSurrogate ConvertToSurrogate(in JsonObject value) => new() { Json = value.ToJsonString() };
}
