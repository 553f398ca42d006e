namespace Prow.Abstractions.Config.BranchProtection;

/// <summary>Required status checks.</summary>
public sealed class ContextPolicy
{
    /// <summary>Contexts appended to the inherited ones.</summary>
    public List<string>? Contexts { get; set; }

    /// <summary>Require the branch to be up to date before merging.</summary>
    public bool? Strict { get; set; }
}
