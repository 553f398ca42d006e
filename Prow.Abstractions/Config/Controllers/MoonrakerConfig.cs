namespace Prow.Abstractions.Config.Controllers;

/// <summary>Clients of Moonraker (the inrepoconfig cache service).</summary>
public sealed class MoonrakerConfig
{
    /// <summary>Client timeout; defaults to 10m.</summary>
    public TimeSpan? ClientTimeout { get; set; }
}
