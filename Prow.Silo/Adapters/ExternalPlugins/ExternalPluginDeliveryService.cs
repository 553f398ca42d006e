using Microsoft.Extensions.Options;

namespace Prow.Silo.Adapters.ExternalPlugins;

/// <summary>Drains <see cref="HttpExternalPluginSender"/>'s queue, a few deliveries at a time, until the host stops.</summary>
public sealed class ExternalPluginDeliveryService(HttpExternalPluginSender sender, IOptions<ExternalPluginSenderOptions> options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.Concurrency), CancellationToken = stoppingToken };
        try
        {
            await Parallel.ForEachAsync(sender.Queue.ReadAllAsync(stoppingToken), parallel,
                async (delivery, ct) => await sender.DeliverAsync(delivery, ct));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: deliveries still queued are dropped, as Prow's hook drops them when it exits.
        }
    }
}
