using Prow.Abstractions.Config;
using Prow.Abstractions.Jobs;

namespace Prow.Grains.Ports;

/// <summary>
/// One of crier's reporters. The ProwJob grain asks every registered reporter about each state of its job:
/// when <see cref="ShouldReport"/> says yes and <c>status.prev_report_states[Name]</c> differs from the
/// current state, it calls <see cref="ReportAsync"/> and, once that returns, records the state under
/// <see cref="Name"/> (persisted, so a state is reported once per reporter, across restarts).
/// </summary>
public interface IJobReporter
{
    /// <summary>The reporter's key in <c>status.prev_report_states</c> (Prow's reporter name where Prow has one).</summary>
    string Name { get; }

    /// <summary>Whether the job's current state is for this reporter (pure; no I/O).</summary>
    bool ShouldReport(ProwJob job, ProwConfig config);

    /// <summary>
    /// Reports the job's current state. Returning means done: reported, or given up on for good (the reporter
    /// logs why; the state is recorded and not retried, as Prow does with unrecoverable errors). A transient
    /// failure throws (<see cref="JobReportException"/>, <see cref="HttpRequestException"/>, a timeout, ...):
    /// the grain retries this reporter alone with doubling delays.
    /// </summary>
    Task ReportAsync(ProwJob job, ProwConfig config, CancellationToken cancellationToken);
}

/// <summary>A report that failed but may succeed later; <see cref="RetryAfter"/> is the receiver's wish (Retry-After), if any.</summary>
public sealed class JobReportException(string message, TimeSpan? retryAfter = null, Exception? inner = null) : Exception(message, inner)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
