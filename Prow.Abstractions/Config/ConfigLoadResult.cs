using Prow.Abstractions.Config.Yaml;

namespace Prow.Abstractions.Config;

/// <summary>The outcome of loading all configuration files: a snapshot when there were no errors, and every diagnostic.</summary>
public sealed record ConfigLoadResult(ConfigSnapshot? Snapshot, IReadOnlyList<ConfigDiagnostic> Diagnostics)
{
    public bool Succeeded => Snapshot is not null;

    public IEnumerable<ConfigDiagnostic> Errors => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);

    public IEnumerable<ConfigDiagnostic> Warnings => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning);
}
