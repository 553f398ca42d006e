namespace Prow.Abstractions.Config.Controllers;

/// <summary>The Prow API server: which clients may trigger which jobs.</summary>
public sealed class GangwayConfig
{
    public List<AllowedApiClient>? AllowedApiClients { get; set; }
}
