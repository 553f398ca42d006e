namespace Prow.Abstractions.Config.Controllers;

/// <summary>Identity of a Google Cloud API client.</summary>
public sealed class ApiClientGcp
{
    public string EndpointApiConsumerType { get; set; } = "";
    public string EndpointApiConsumerNumber { get; set; } = "";
}
