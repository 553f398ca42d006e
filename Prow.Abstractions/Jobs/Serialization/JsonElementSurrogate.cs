namespace Prow.Abstractions.Jobs.Serialization;

/// <summary>How Orleans carries a <see cref="System.Text.Json.JsonElement"/> (unknown fields): its JSON text.</summary>
[GenerateSerializer]
[Alias("prow.jobs.JsonElementSurrogate")]
public struct JsonElementSurrogate
{
    [Id(0)] public string Json;
}
