namespace Prow.Abstractions.Config.Controllers;

/// <summary>Jobs an API client may trigger.</summary>
public sealed class AllowedJobsFilter
{
    public string TenantId { get; set; } = "";
}
