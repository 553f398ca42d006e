namespace Prow.Abstractions.Config.Yaml;

/// <summary>How bad a configuration problem is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Reported, but the configuration is still usable (e.g. an unknown key without --strict).</summary>
    Warning,

    /// <summary>The configuration is rejected.</summary>
    Error,
}

/// <summary>
/// One problem found while loading configuration: where (file and line), which key, and why.
/// Printed as <c>file:line: key: problem</c>, the format of <c>checkconfig</c>.
/// </summary>
public sealed record ConfigDiagnostic(string File, int Line, string Key, string Problem, DiagnosticSeverity Severity)
{
    /// <summary>True for problems caused by keys the schema does not know (these become errors under --strict).</summary>
    public bool IsUnknownKey { get; init; }

    public override string ToString() => $"{File}:{Line}: {Key}: {Problem}";

    public static ConfigDiagnostic Error(string file, int line, string key, string problem) =>
        new(file, line, key, problem, DiagnosticSeverity.Error);

    public static ConfigDiagnostic Warning(string file, int line, string key, string problem) =>
        new(file, line, key, problem, DiagnosticSeverity.Warning);
}
