namespace Prow.Abstractions.Config.Controllers;

/// <summary>Prometheus push gateway.</summary>
public sealed class PushGatewayConfig
{
    public string Endpoint { get; set; } = "";

    /// <summary>Push period; defaults to 1m.</summary>
    public TimeSpan? Interval { get; set; }

    public bool ServeMetrics { get; set; }
}
