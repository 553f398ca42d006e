namespace Prow.Abstractions.Jobs.Serialization;

/// <summary>How Orleans carries a <see cref="System.Text.Json.Nodes.JsonArray"/>: its JSON text.</summary>
[GenerateSerializer]
[Alias("prow.jobs.JsonArraySurrogate")]
public struct JsonArraySurrogate
{
    [Id(0)] public string Json;
}
