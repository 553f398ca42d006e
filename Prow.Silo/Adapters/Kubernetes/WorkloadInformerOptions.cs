namespace Prow.Silo.Adapters.Kubernetes;

/// <summary>How a <see cref="WorkloadInformer"/> lists, watches and recovers.</summary>
public sealed record WorkloadInformerOptions
{
    /// <summary>How often everything is listed again (and delivered), healing missed events; also the watch's server-side timeout.</summary>
    public TimeSpan RelistPeriod { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The wait after a failed list or watch; doubled per failure up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);
}
