using YamlDotNet.Serialization;

namespace Prow.Abstractions.Config.Yaml;

/// <summary>
/// Base for configuration objects that remember where they were declared, so validation
/// that runs after binding can still point at <c>file:line</c>.
/// </summary>
public abstract class SourceLocated
{
    /// <summary>The file the object was read from (as given to the loader).</summary>
    [YamlIgnore]
    public string SourceFile { get; set; } = "";

    /// <summary>1-based line of the mapping that declared the object.</summary>
    [YamlIgnore]
    public int SourceLine { get; set; }
}
