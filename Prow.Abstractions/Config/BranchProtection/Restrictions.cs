namespace Prow.Abstractions.Config.BranchProtection;

/// <summary>Who may push to the branch.</summary>
public sealed class Restrictions
{
    public List<string>? Apps { get; set; }
    public List<string>? Users { get; set; }
    public List<string>? Teams { get; set; }
}
