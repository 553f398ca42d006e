namespace Prow.Gateway.Webhooks;

public sealed class HookOptions
{
    /// <summary>Largest body accepted (GitHub caps payloads at 25 MB).</summary>
    public long MaxBodyBytes { get; set; } = 25 * 1024 * 1024;
}
