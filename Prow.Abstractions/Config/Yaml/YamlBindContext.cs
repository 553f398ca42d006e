using YamlDotNet.RepresentationModel;

namespace Prow.Abstractions.Config.Yaml;

/// <summary>
/// The state of one bind: the file being read, the key path of the node being bound and the
/// problems found so far. Paths read like <c>presubmits.org/repo[2].max_concurrency</c>.
/// </summary>
public sealed class YamlBindContext
{
    private readonly List<ConfigDiagnostic> _diagnostics;
    private readonly Stack<string> _path = new();

    public YamlBindContext(string file, List<ConfigDiagnostic>? diagnostics = null)
    {
        File = file;
        _diagnostics = diagnostics ?? [];
    }

    /// <summary>The file being bound, as it is printed in diagnostics.</summary>
    public string File { get; }

    public IReadOnlyList<ConfigDiagnostic> Diagnostics => _diagnostics;

    /// <summary>The key path of the node currently being bound.</summary>
    public string Path => string.Concat(_path.Reverse());

    /// <summary>Enters a mapping key; dispose to leave it.</summary>
    public PathScope Key(string key) => Push(_path.Count == 0 ? key : "." + key);

    /// <summary>Enters a sequence index; dispose to leave it.</summary>
    public PathScope Index(int index) => Push($"[{index}]");

    private PathScope Push(string segment)
    {
        _path.Push(segment);
        return new PathScope(this);
    }

    public void Error(YamlNode? node, string problem) => Error(node, Path, problem);

    public void Error(YamlNode? node, string key, string problem) =>
        _diagnostics.Add(ConfigDiagnostic.Error(File, LineOf(node), key, problem));

    public void ErrorAt(int line, string key, string problem) =>
        _diagnostics.Add(ConfigDiagnostic.Error(File, line, key, problem));

    public void Warning(YamlNode? node, string problem) => Warning(node, Path, problem);

    public void Warning(YamlNode? node, string key, string problem) =>
        _diagnostics.Add(ConfigDiagnostic.Warning(File, LineOf(node), key, problem));

    /// <summary>Adds a problem found outside binding (validation), keeping the bind's list in one place.</summary>
    public void Add(ConfigDiagnostic diagnostic) => _diagnostics.Add(diagnostic);

    /// <summary>Reports a key the schema does not know: a warning, made an error by --strict.</summary>
    public void UnknownKey(YamlNode keyNode, string key)
    {
        var path = _path.Count == 0 ? key : Path + "." + key;
        _diagnostics.Add(ConfigDiagnostic.Warning(File, LineOf(keyNode), path, "unknown field") with { IsUnknownKey = true });
    }

    public static int LineOf(YamlNode? node) => node is null ? 0 : (int)node.Start.Line;

    public readonly struct PathScope(YamlBindContext context) : IDisposable
    {
        public void Dispose() => context._path.Pop();
    }
}
