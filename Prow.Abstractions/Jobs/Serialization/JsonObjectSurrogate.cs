namespace Prow.Abstractions.Jobs.Serialization;

/// <summary>How Orleans carries a <see cref="System.Text.Json.Nodes.JsonObject"/>: its JSON text.</summary>
[GenerateSerializer]
[Alias("prow.jobs.JsonObjectSurrogate")]
public struct JsonObjectSurrogate
{
    [Id(0)] public string Json;
}
