namespace Prow.Abstractions.Config;

/// <summary>Directories (regexes) skipped when looking for OWNERS files.</summary>
public sealed class OwnersDirDenylist
{
    /// <summary>By "org" or "org/repo".</summary>
    public Dictionary<string, List<string>>? Repos { get; set; }

    public List<string>? Default { get; set; }

    /// <summary>Do not add the built-in entries (\.git$, _output$, vendor/.*/.*).</summary>
    public bool IgnorePreconfiguredDefaults { get; set; }
}
