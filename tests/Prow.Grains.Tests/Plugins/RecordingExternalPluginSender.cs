using Prow.Grains.Ports;

namespace Prow.Grains.Tests.Plugins;

internal sealed class RecordingExternalPluginSender : IExternalPluginSender
{
    public List<ExternalPluginDelivery> Deliveries { get; } = [];

    public void Enqueue(ExternalPluginDelivery delivery) => Deliveries.Add(delivery);
}
