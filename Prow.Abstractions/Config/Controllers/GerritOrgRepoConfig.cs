namespace Prow.Abstractions.Config.Controllers;

/// <summary>Repos of one Gerrit host ("org" keeps its https:// prefix).</summary>
public sealed class GerritOrgRepoConfig
{
    public string Org { get; set; } = "";
    public List<string>? Repos { get; set; }
    public bool OptOutHelp { get; set; }
    public GerritQueryFilter? Filters { get; set; }
}
