namespace Prow.Grains.Jobs;

/// <summary>
/// Whether a triggered job may start now. <see cref="ConfigError"/> marks a job naming a queue that
/// plank's job_queue_capacities does not define (Prow reports an error and retries).
/// </summary>
[GenerateSerializer]
[Alias("prow.jobs.AdmissionDecision")]
public sealed record AdmissionDecision(
    [property: Id(0)] bool Admitted, [property: Id(1)] string Reason = "", [property: Id(2)] bool ConfigError = false)
{
    public static AdmissionDecision Admit { get; } = new(true);

    public static AdmissionDecision Hold(string reason) => new(false, reason);
}
