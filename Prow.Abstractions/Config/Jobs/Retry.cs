namespace Prow.Abstractions.Config.Jobs;

/// <summary>How a failed periodic is retried.</summary>
public sealed class Retry
{
    /// <summary>Run every attempt, not stopping at the first success.</summary>
    public bool RunAll { get; set; }

    /// <summary>Maximum number of retries.</summary>
    public int Attempts { get; set; }

    /// <summary>Go duration between attempts.</summary>
    public string Interval { get; set; } = "";
}
