namespace Prow.Grains.Ports;

/// <summary>
/// Forwards webhooks to external plugins (Prow's hook <c>demuxExternal</c>): the original body and headers
/// POSTed to the plugin's endpoint. <see cref="Enqueue"/> returns at once — delivery, retries and failure
/// logging happen in the background, so a slow plugin never holds up the grain that dispatched the event.
/// </summary>
public interface IExternalPluginSender
{
    void Enqueue(ExternalPluginDelivery delivery);
}
