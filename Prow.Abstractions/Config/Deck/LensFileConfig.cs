using Prow.Abstractions.Config.Yaml;

namespace Prow.Abstractions.Config.Deck;

/// <summary>A lens and the artifact files (regexes) it reads.</summary>
public sealed class LensFileConfig : SourceLocated
{
    public List<string>? RequiredFiles { get; set; }
    public List<string>? OptionalFiles { get; set; }
    public LensConfig Lens { get; set; } = new();
    public LensRemoteConfig? RemoteConfig { get; set; }
}
