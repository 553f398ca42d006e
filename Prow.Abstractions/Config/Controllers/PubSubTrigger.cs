using Prow.Abstractions.Config.Yaml;

namespace Prow.Abstractions.Config.Controllers;

/// <summary>Pub/Sub topics of one project that may trigger jobs.</summary>
public sealed class PubSubTrigger : SourceLocated
{
    public string Project { get; set; } = "";
    public List<string>? Topics { get; set; }
    public List<string>? AllowedClusters { get; set; }

    /// <summary>Defaults to 10.</summary>
    public int MaxOutstandingMessages { get; set; }
}
