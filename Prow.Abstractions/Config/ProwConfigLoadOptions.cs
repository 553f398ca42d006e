namespace Prow.Abstractions.Config;

/// <summary>Options of <see cref="ProwConfigLoader"/>.</summary>
public sealed class ProwConfigLoadOptions
{
    /// <summary>Unknown keys are errors instead of warnings (checkconfig --strict).</summary>
    public bool Strict { get; init; }

    /// <summary>Clock for checks against the present (managed_webhooks token dates).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
