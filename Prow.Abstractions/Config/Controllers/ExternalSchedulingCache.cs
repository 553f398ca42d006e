namespace Prow.Abstractions.Config.Controllers;

/// <summary>Cache of the external scheduler's answers.</summary>
public sealed class ExternalSchedulingCache
{
    public TimeSpan? EntryTimeoutInterval { get; set; }
    public TimeSpan? CleanupInterval { get; set; }
}
