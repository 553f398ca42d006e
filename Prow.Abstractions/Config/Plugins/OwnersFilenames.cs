namespace Prow.Abstractions.Config.Plugins;

/// <summary>The OWNERS file names used by one org or repo.</summary>
public sealed class OwnersFilenames
{
    public const string DefaultOwners = "OWNERS";
    public const string DefaultOwnersAliases = "OWNERS_ALIASES";

    public string Owners { get; set; } = "";

    public string OwnersAliases { get; set; } = "";
}
