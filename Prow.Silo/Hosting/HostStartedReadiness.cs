using Prow.Gateway.Health;

namespace Prow.Silo.Hosting;

/// <summary>Ready once every hosted service (the Orleans silo among them) has started, and until shutdown begins.</summary>
public sealed class HostStartedReadiness(IHostApplicationLifetime lifetime) : IReadinessCheck
{
    public string? NotReadyReason() =>
        lifetime.ApplicationStopping.IsCancellationRequested ? "shutting down"
        : lifetime.ApplicationStarted.IsCancellationRequested ? null
        : "starting";
}
