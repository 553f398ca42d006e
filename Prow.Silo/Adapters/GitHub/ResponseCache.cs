namespace Prow.Silo.Adapters.GitHub;

/// <summary>A bounded least-recently-used map of GET responses that carried an ETag.</summary>
internal sealed class ResponseCache(int capacity)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<(string Key, CachedResponse Value)>> _map = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, CachedResponse Value)> _order = new();

    public int Count
    {
        get
        {
            lock (_lock) return _map.Count;
        }
    }

    public CachedResponse? Get(string key)
    {
        lock (_lock)
        {
            if (!_map.TryGetValue(key, out var node)) return null;
            _order.Remove(node);
            _order.AddFirst(node);
            return node.Value.Value;
        }
    }

    public void Set(string key, CachedResponse value)
    {
        if (capacity <= 0) return;
        lock (_lock)
        {
            if (_map.TryGetValue(key, out var existing)) _order.Remove(existing);
            _map[key] = _order.AddFirst((key, value));
            while (_map.Count > capacity)
            {
                var last = _order.Last!;
                _order.RemoveLast();
                _map.Remove(last.Value.Key);
            }
        }
    }
}
