namespace Prow.Abstractions.Config.Jobs;

/// <summary>ResultStore upload settings.</summary>
public sealed class ResultStoreConfig
{
    public string ProjectId { get; set; } = "";
}
