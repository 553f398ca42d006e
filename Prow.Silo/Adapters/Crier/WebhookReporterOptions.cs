using Prow.Abstractions.Jobs;

namespace Prow.Silo.Adapters.Crier;

/// <summary>The generic HTTP webhook reporter (<c>--webhook-reporter-*</c> flags; no Prow equivalent).</summary>
public sealed class WebhookReporterOptions
{
    /// <summary>Every URL gets every reported state.</summary>
    public IReadOnlyList<string> Urls { get; init; } = [];

    /// <summary>File with the HMAC secret; when set, bodies are signed (<c>X-Prow-Signature-256</c>).</summary>
    public string? HmacSecretFile { get; init; }

    /// <summary>Job types reported; empty for all.</summary>
    public IReadOnlyList<ProwJobType> JobTypes { get; init; } = [];

    /// <summary>Deliveries are logged, not sent (the host's <c>--dry-run</c>).</summary>
    public bool DryRun { get; init; }

    /// <summary>How long one POST may take.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
}
