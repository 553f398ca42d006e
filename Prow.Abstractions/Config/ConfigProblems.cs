using Prow.Abstractions.Config.Yaml;

namespace Prow.Abstractions.Config;

/// <summary>
/// Collects diagnostics found after binding, pointing at the object (and key) they are about.
/// Objects that were not in any file (defaults) are reported against <see cref="FallbackFile"/>.
/// </summary>
public sealed class ConfigProblems(List<ConfigDiagnostic> diagnostics, string fallbackFile)
{
    public string FallbackFile { get; } = fallbackFile;

    public List<ConfigDiagnostic> Diagnostics { get; } = diagnostics;

    public void Error(SourceLocated? at, string key, string problem) => Add(at, key, problem, DiagnosticSeverity.Error);

    public void Warning(SourceLocated? at, string key, string problem) => Add(at, key, problem, DiagnosticSeverity.Warning);

    /// <summary>Reports against the object itself (its key path and line).</summary>
    public void ErrorAt(SourceLocated at, string problem) =>
        Diagnostics.Add(new ConfigDiagnostic(FileOf(at), at.SourceLine, at.SourceKey, problem, DiagnosticSeverity.Error));

    private void Add(SourceLocated? at, string key, string problem, DiagnosticSeverity severity)
    {
        var file = at is null ? FallbackFile : FileOf(at);
        var line = at?.LineOf(FirstSegment(key)) ?? 0;
        var path = at is null ? key : at.KeyPath(key);
        Diagnostics.Add(new ConfigDiagnostic(file, line, path, problem, severity));
    }

    private string FileOf(SourceLocated at) => at.SourceFile.Length > 0 ? at.SourceFile : FallbackFile;

    private static string FirstSegment(string key)
    {
        var bracket = key.IndexOf('[');
        var head = bracket >= 0 ? key[..bracket] : key;
        var dot = head.IndexOf('.');
        return dot >= 0 ? head[..dot] : head;
    }
}
