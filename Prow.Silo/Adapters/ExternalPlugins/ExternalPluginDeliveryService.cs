using Microsoft.Extensions.Options;

namespace Prow.Silo.Adapters.ExternalPlugins;

/// <summary>
/// Drains <see cref="HttpExternalPluginSender"/>'s queue, a few deliveries at a time. When the host stops, the
/// queue is closed to new deliveries and what is already queued is still sent — as Prow's hook waits for its
/// forwards on shutdown — until the host's shutdown timeout cuts the wait short.
/// </summary>
public sealed class ExternalPluginDeliveryService(HttpExternalPluginSender sender, IOptions<ExternalPluginSenderOptions> options) : IHostedService
{
    private Task _draining = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.Concurrency) };
        _draining = Task.Run(() => Parallel.ForEachAsync(sender.Queue.ReadAllAsync(CancellationToken.None), parallel,
            async (delivery, _) => await sender.DeliverAsync(delivery, CancellationToken.None)), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        sender.CloseQueue();
        await _draining.WaitAsync(cancellationToken);
    }
}
