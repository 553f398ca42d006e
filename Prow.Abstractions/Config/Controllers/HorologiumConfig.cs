namespace Prow.Abstractions.Config.Controllers;

/// <summary>The periodic job scheduler.</summary>
public sealed class HorologiumConfig
{
    /// <summary>How often due periodics are looked for; defaults to 1m.</summary>
    public TimeSpan? TickInterval { get; set; }
}
