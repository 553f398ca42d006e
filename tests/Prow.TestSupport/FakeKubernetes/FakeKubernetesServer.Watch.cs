using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace Prow.TestSupport.FakeKubernetes;

// Watches: ?watch=true streams newline-delimited {"type","object"} events until the client goes away,
// timeoutSeconds pass, or a test drops the watch.
public sealed partial class FakeKubernetesServer
{
    private sealed class Subscription(KubeResource resource, string ns, string? selector)
    {
        public Channel<string> Lines { get; } = Channel.CreateUnbounded<string>();

        public bool Wants(Event e) => e.Resource == resource && e.Namespace == ns && LabelSelector.Matches(selector, e.Object);
    }

    private readonly List<Subscription> _watches = [];

    /// <summary>How many watches are open now.</summary>
    public int OpenWatches
    {
        get { lock (_lock) return _watches.Count; }
    }

    /// <summary>Ends every open watch stream, as an API server restart or a load balancer timeout would.</summary>
    public void DropWatches()
    {
        lock (_lock)
        {
            foreach (var watch in _watches) watch.Lines.Writer.TryComplete();
            _watches.Clear();
        }
    }

    private void Publish(Event e)
    {
        _history.Add(e);
        var line = EventLine(e.Type, e.Object);
        foreach (var watch in _watches.Where(w => w.Wants(e))) watch.Lines.Writer.TryWrite(line);
    }

    private ((int, string?, string), Subscription?) OpenWatch(string path, Dictionary<string, string> query)
    {
        const string json = "application/json";
        if (Route(path) is not ({ } resource, var ns, null, null))
            return ((404, StatusJson(404, "NotFound", $"cannot watch {path}"), json), null);
        var watch = new Subscription(resource, ns, query.GetValueOrDefault("labelSelector"));
        var from = query.GetValueOrDefault("resourceVersion");
        if (string.IsNullOrEmpty(from) || from == "0")
        {
            // No resourceVersion: the current state as ADDED events, then changes.
            foreach (var o in _objects.Values.OrderBy(o => o.Name, StringComparer.Ordinal))
            {
                var e = new Event(0, "ADDED", o.Resource, o.Namespace, o.Object);
                if (watch.Wants(e)) watch.Lines.Writer.TryWrite(EventLine("ADDED", o.Object));
            }
        }
        else if (!long.TryParse(from, NumberStyles.None, CultureInfo.InvariantCulture, out var rv) || rv < _compactedThrough)
        {
            var gone = JsonNode.Parse(StatusJson(410, "Expired", $"too old resource version: {from} ({_compactedThrough})"))!.AsObject();
            watch.Lines.Writer.TryWrite(EventLine("ERROR", gone));
            watch.Lines.Writer.TryComplete();
            return ((200, null, json), watch);
        }
        else
        {
            foreach (var e in _history.Where(e => e.ResourceVersion > rv && watch.Wants(e))) watch.Lines.Writer.TryWrite(EventLine(e.Type, e.Object));
        }
        _watches.Add(watch);
        return ((200, null, json), watch);
    }

    private async Task StreamWatchAsync(HttpContext context, Subscription watch, Dictionary<string, string> query)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        if (int.TryParse(query.GetValueOrDefault("timeoutSeconds"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
            timeout.CancelAfter(TimeSpan.FromSeconds(seconds));
        try
        {
            await context.Response.StartAsync(timeout.Token);
            await context.Response.Body.FlushAsync(timeout.Token);
            await foreach (var line in watch.Lines.Reader.ReadAllAsync(timeout.Token))
            {
                await context.Response.WriteAsync(line + "\n", timeout.Token);
                await context.Response.Body.FlushAsync(timeout.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // the client went away or timeoutSeconds passed
        }
        catch (IOException)
        {
            // the connection broke
        }
        finally
        {
            lock (_lock) _watches.Remove(watch);
        }
    }
}
