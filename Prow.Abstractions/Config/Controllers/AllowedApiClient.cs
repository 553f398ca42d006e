using Prow.Abstractions.Config.Yaml;

namespace Prow.Abstractions.Config.Controllers;

/// <summary>An API client allowed to trigger jobs through gangway.</summary>
public sealed class AllowedApiClient : SourceLocated
{
    public ApiClientGcp? Gcp { get; set; }
    public List<AllowedJobsFilter>? AllowedJobsFilters { get; set; }
}
