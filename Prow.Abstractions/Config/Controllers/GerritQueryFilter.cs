namespace Prow.Abstractions.Config.Controllers;

/// <summary>Limits which Gerrit changes are queried.</summary>
public sealed class GerritQueryFilter
{
    public List<string>? Branches { get; set; }
    public List<string>? ExcludedBranches { get; set; }
    public bool OptInByDefault { get; set; }
}
