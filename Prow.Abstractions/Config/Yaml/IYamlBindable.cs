using YamlDotNet.RepresentationModel;

namespace Prow.Abstractions.Config.Yaml;

/// <summary>
/// Implemented by configuration types whose YAML shape is not a plain mapping of properties
/// (a value that may be a string or a list, a plugin list in two forms, ...).
/// The type must have a public parameterless constructor.
/// </summary>
public interface IYamlBindable
{
    /// <summary>Reads <paramref name="node"/>, reporting problems to <paramref name="context"/>.</summary>
    void Bind(YamlNode node, YamlBindContext context);
}
