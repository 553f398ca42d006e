using YamlDotNet.Serialization;

namespace Prow.Abstractions.Config.Yaml;

/// <summary>
/// Base for configuration objects that remember where they were declared, so validation
/// that runs after binding can still point at <c>file:line</c> and at the key path.
/// </summary>
public abstract class SourceLocated
{
    private Dictionary<string, int>? _keyLines;

    /// <summary>The file the object was read from (as given to the loader).</summary>
    [YamlIgnore]
    public string SourceFile { get; set; } = "";

    /// <summary>1-based line of the mapping that declared the object.</summary>
    [YamlIgnore]
    public int SourceLine { get; set; }

    /// <summary>The key path of the object, e.g. <c>presubmits.org/repo[3]</c>.</summary>
    [YamlIgnore]
    public string SourceKey { get; set; } = "";

    /// <summary>The line of <paramref name="key"/> in the object's mapping, else the line of the object.</summary>
    public int LineOf(string key) =>
        _keyLines is not null && _keyLines.TryGetValue(key, out var line) ? line : SourceLine;

    /// <summary>The key path of a child key: <c>presubmits.org/repo[3].run_if_changed</c>.</summary>
    public string KeyPath(string key) => SourceKey.Length == 0 ? key : SourceKey + "." + key;

    /// <summary>Records the line a key was declared on (done by the binder).</summary>
    public void RecordKeyLine(string key, int line) => (_keyLines ??= new(StringComparer.Ordinal))[key] = line;
}
