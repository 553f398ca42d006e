namespace Prow.Abstractions.Config.Controllers;

/// <summary>The Tekton pipeline controller.</summary>
public sealed class PipelineConfig
{
    /// <summary>Let duplicate postsubmit PipelineRuns run concurrently instead of aborting older ones.</summary>
    public bool AllowConcurrentPostsubmitJobs { get; set; }
}
