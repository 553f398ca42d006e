namespace Prow.Gateway.Health;

/// <summary>One condition for <c>/readyz</c>: the process should receive traffic only when every check passes.</summary>
public interface IReadinessCheck
{
    /// <summary>Null when ready, else a one-line reason.</summary>
    string? NotReadyReason();
}
