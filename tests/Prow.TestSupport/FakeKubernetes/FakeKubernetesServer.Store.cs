using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s.Models;

namespace Prow.TestSupport.FakeKubernetes;

// The object store, its resource versions and event history, and the seeding/mutation API for tests.
public sealed partial class FakeKubernetesServer
{
    private sealed record Stored(KubeResource Resource, string Namespace, string Name, JsonObject Object);

    private sealed record Event(long ResourceVersion, string Type, KubeResource Resource, string Namespace, JsonObject Object);

    private readonly Dictionary<string, Stored> _objects = new(StringComparer.Ordinal);
    private readonly List<Event> _history = [];
    private readonly Dictionary<(string Ns, string Pod, string Container), string> _logs = [];
    private long _resourceVersion = 1;
    private long _compactedThrough;

    /// <summary>The current (latest) resource version.</summary>
    public string ResourceVersion
    {
        get { lock (_lock) return Rv(_resourceVersion); }
    }

    private static string Rv(long rv) => rv.ToString(CultureInfo.InvariantCulture);

    private static string Key(KubeResource resource, string ns, string name) => $"{resource}|{ns}|{name}";

    /// <summary>A stored object (a copy), or null.</summary>
    public JsonObject? Get(KubeResource resource, string ns, string name)
    {
        lock (_lock) return _objects.TryGetValue(Key(resource, ns, name), out var o) ? o.Object.DeepClone().AsObject() : null;
    }

    /// <summary>A stored pod, or null.</summary>
    public V1Pod? Pod(string ns, string name) =>
        Get(KubeResource.Pods, ns, name) is { } pod ? k8s.KubernetesJson.Deserialize<V1Pod>(pod.ToJsonString()) : null;

    /// <summary>The names of the stored objects of a resource in a namespace.</summary>
    public IReadOnlyList<string> Names(KubeResource resource, string ns)
    {
        lock (_lock) return _objects.Values.Where(o => o.Resource == resource && o.Namespace == ns).Select(o => o.Name).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Creates or replaces an object as if a client wrote it (ADDED/MODIFIED event). Returns the stored copy.</summary>
    public JsonObject Put(KubeResource resource, string ns, JsonObject obj)
    {
        lock (_lock)
        {
            var name = obj["metadata"]?["name"]?.GetValue<string>() ?? throw new ArgumentException("metadata.name is required", nameof(obj));
            return Store(resource, ns, obj.DeepClone().AsObject(), isNew: !_objects.ContainsKey(Key(resource, ns, name))).DeepClone().AsObject();
        }
    }

    /// <summary>Creates or replaces a pod (ADDED/MODIFIED event).</summary>
    public V1Pod PutPod(string ns, V1Pod pod) =>
        k8s.KubernetesJson.Deserialize<V1Pod>(Put(KubeResource.Pods, ns, JsonNode.Parse(k8s.KubernetesJson.Serialize(pod))!.AsObject()).ToJsonString());

    /// <summary>Changes a stored object in place (MODIFIED event), as a controller or the kubelet would.</summary>
    public void Update(KubeResource resource, string ns, string name, Action<JsonObject> change)
    {
        lock (_lock)
        {
            if (!_objects.TryGetValue(Key(resource, ns, name), out var stored)) throw new KeyNotFoundException($"{resource} {ns}/{name} not found");
            var copy = stored.Object.DeepClone().AsObject();
            change(copy);
            Store(resource, ns, copy, isNew: false);
        }
    }

    /// <summary>Changes a stored pod through the typed model (MODIFIED event).</summary>
    public void UpdatePod(string ns, string name, Action<V1Pod> change) => Update(KubeResource.Pods, ns, name, obj =>
    {
        var pod = k8s.KubernetesJson.Deserialize<V1Pod>(obj.ToJsonString());
        change(pod);
        var updated = JsonNode.Parse(k8s.KubernetesJson.Serialize(pod))!.AsObject();
        obj.Clear();
        foreach (var (key, value) in updated.ToList())
        {
            updated.Remove(key);
            obj[key] = value;
        }
    });

    /// <summary>Sets status.phase (and status.startTime when the pod starts running), as the kubelet would.</summary>
    public void SetPodPhase(string ns, string name, string phase) => Update(KubeResource.Pods, ns, name, pod =>
    {
        var status = pod["status"] as JsonObject ?? new JsonObject();
        pod["status"] = status;
        status["phase"] = phase;
        if (phase != "Pending" && status["startTime"] is null) status["startTime"] = Now();
    });

    /// <summary>Deletes an object behind the client's back (DELETED event); false when absent.</summary>
    public bool Delete(KubeResource resource, string ns, string name)
    {
        lock (_lock) return Remove(resource, ns, name) is not null;
    }

    public bool DeletePod(string ns, string name) => Delete(KubeResource.Pods, ns, name);

    /// <summary>What the pod log endpoint answers for a container.</summary>
    public void SetLog(string ns, string pod, string container, string text)
    {
        lock (_lock) _logs[(ns, pod, container)] = text;
    }

    /// <summary>
    /// Forgets the event history up to now: a watch resuming from an older resourceVersion gets an
    /// ERROR event with a 410 Gone status (as after etcd compaction) and must relist.
    /// </summary>
    public void CompactHistory()
    {
        lock (_lock)
        {
            _compactedThrough = _resourceVersion;
            _history.Clear();
        }
    }

    private JsonObject Store(KubeResource resource, string ns, JsonObject obj, bool isNew)
    {
        var metadata = obj["metadata"] as JsonObject ?? new JsonObject();
        obj["metadata"] = metadata;
        var name = metadata["name"]!.GetValue<string>();
        metadata["namespace"] = ns;
        var rv = ++_resourceVersion;
        metadata["resourceVersion"] = Rv(rv);
        if (isNew)
        {
            metadata["uid"] ??= Guid.NewGuid().ToString();
            metadata["creationTimestamp"] ??= Now();
            if (resource == KubeResource.Pods && obj["status"] is null) obj["status"] = new JsonObject { ["phase"] = "Pending" };
        }
        _objects[Key(resource, ns, name)] = new Stored(resource, ns, name, obj);
        Publish(new Event(rv, isNew ? "ADDED" : "MODIFIED", resource, ns, obj.DeepClone().AsObject()));
        return obj;
    }

    private JsonObject? Remove(KubeResource resource, string ns, string name)
    {
        if (!_objects.Remove(Key(resource, ns, name), out var stored)) return null;
        var rv = ++_resourceVersion;
        var obj = stored.Object.DeepClone().AsObject();
        obj["metadata"]!["resourceVersion"] = Rv(rv);
        _logs.Keys.Where(k => k.Ns == ns && k.Pod == name && resource == KubeResource.Pods).ToList().ForEach(k => _logs.Remove(k));
        Publish(new Event(rv, "DELETED", resource, ns, obj));
        return obj;
    }

    private static string EventLine(string type, JsonObject obj) =>
        new JsonObject { ["type"] = type, ["object"] = obj.DeepClone() }.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
}
