namespace Prow.Abstractions.Config.Plugins;

/// <summary><c>golint:</c>.</summary>
public sealed class GolintConfig
{
    public const double DefaultMinimumConfidence = 0.8;

    /// <summary>Smallest confidence in (0,1] of problems reported; 0.8 when unset.</summary>
    public double? MinimumConfidence { get; set; }
}
