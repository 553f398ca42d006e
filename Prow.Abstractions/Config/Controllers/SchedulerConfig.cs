namespace Prow.Abstractions.Config.Controllers;

/// <summary>The optional ProwJob scheduler (picks a build cluster).</summary>
public sealed class SchedulerConfig
{
    public bool Enabled { get; set; }
    public FailoverScheduling? Failover { get; set; }
    public ExternalScheduling? External { get; set; }
}
