namespace Prow.Silo.Adapters.Kubernetes;

/// <summary>How a build cluster call that failed transiently (5xx, 429, timeout, broken connection) is retried.</summary>
public sealed record KubernetesRetryOptions
{
    /// <summary>Attempts in all, the first included.</summary>
    public int Attempts { get; init; } = 4;

    /// <summary>The wait before the second attempt; doubled each time up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(8);
}
