namespace Prow.Abstractions.Config.Jobs;

/// <summary>ProwJob fields that can be defaulted from config (tenant id, ResultStore).</summary>
public sealed class ProwJobDefault
{
    [YamlDotNet.Serialization.YamlMember(Alias = "resultstore_config")]
    public ResultStoreConfig? ResultStoreConfig { get; set; }

    public string TenantId { get; set; } = "";
}
