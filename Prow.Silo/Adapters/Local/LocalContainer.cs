using System.Text;
using System.Text.Json.Nodes;

namespace Prow.Silo.Adapters.Local;

/// <summary>
/// One container of a job's <c>pod_spec</c> as a local process: the program and its arguments
/// (<c>command</c> + <c>args</c>, or <c>args</c> alone when there is no command, there being no image
/// entrypoint), its own <c>env</c> values and an optional <c>workingDir</c>.
/// </summary>
internal sealed record LocalContainer(
    string Name, IReadOnlyList<string> Command, IReadOnlyList<KeyValuePair<string, string>> Env, string WorkingDir)
{
    /// <summary>Container fields a process has no use for; they are named in the log when set.</summary>
    private static readonly string[] Ignored = ["image", "imagePullPolicy", "resources", "volumeMounts", "volumeDevices", "ports", "securityContext", "livenessProbe", "readinessProbe", "startupProbe", "lifecycle"];

    /// <summary>Pod fields that cannot be honoured; a job using them does not start.</summary>
    private static readonly string[] Unsupported = ["initContainers", "ephemeralContainers"];

    /// <summary>
    /// The containers of <paramref name="podSpec"/>, with notes for what is ignored. Throws
    /// <see cref="FormatException"/> with a message fit for the job's description when the spec
    /// asks for what a local process cannot do.
    /// </summary>
    public static (IReadOnlyList<LocalContainer> Containers, IReadOnlyList<string> Notes) FromPodSpec(JsonObject? podSpec)
    {
        if (podSpec is null) throw new FormatException("the job has no pod_spec to run");
        foreach (var field in Unsupported)
        {
            if (podSpec[field] is JsonArray { Count: > 0 }) throw new FormatException($"pod_spec.{field} are not supported by the local agent");
        }
        if (podSpec["containers"] is not JsonArray { Count: > 0 } containers) throw new FormatException("pod_spec has no containers");

        var notes = new List<string>();
        if (podSpec["volumes"] is JsonArray { Count: > 0 }) notes.Add("pod_spec.volumes are ignored: local processes see the host's file system");
        var result = new List<LocalContainer>();
        for (var i = 0; i < containers.Count; i++)
        {
            if (containers[i] is not JsonObject container) throw new FormatException($"pod_spec.containers[{i}] is not an object");
            var name = Text(container, "name") is { Length: > 0 } n ? n : i == 0 ? "test" : $"container-{i}";
            if (container["envFrom"] is JsonArray { Count: > 0 }) throw new FormatException($"container {name}: envFrom is not supported by the local agent");
            var command = Strings(container, "command", name).Concat(Strings(container, "args", name)).ToList();
            if (command.Count == 0) throw new FormatException($"container {name}: no command or args to run (a local process has no image entrypoint)");
            var ignored = Ignored.Where(f => container[f] is not null).ToList();
            if (ignored.Count > 0) notes.Add($"container {name}: {string.Join(", ", ignored)} ignored for a local process");
            result.Add(new LocalContainer(name, command, ReadEnv(container, name), Text(container, "workingDir")));
        }
        return (result, notes);
    }

    /// <summary>
    /// The process environment on top of the host's: this container's env (each value expanding
    /// $(NAME) of the entries before it, as Kubernetes does), then <paramref name="prowEnv"/>, which
    /// wins on a clash as the later entry does in a pod.
    /// </summary>
    public Dictionary<string, string> Environment(IEnumerable<KeyValuePair<string, string>> prowEnv)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in Env) env[name] = Expand(value, env);
        foreach (var (name, value) in prowEnv) env[name] = value;
        return env;
    }

    /// <summary>Kubernetes' $(VAR) expansion: defined names are replaced, $$ is a literal $, anything else stays.</summary>
    public static string Expand(string input, IReadOnlyDictionary<string, string> env)
    {
        if (!input.Contains('$', StringComparison.Ordinal)) return input;
        var output = new StringBuilder(input.Length);
        for (var i = 0; i < input.Length; i++)
        {
            if (input[i] != '$' || i + 1 >= input.Length)
            {
                output.Append(input[i]);
                continue;
            }
            if (input[i + 1] == '$')
            {
                output.Append('$');
                i++;
                continue;
            }
            var close = input[i + 1] == '(' ? input.IndexOf(')', i + 2) : -1;
            if (close > 0 && env.TryGetValue(input[(i + 2)..close], out var value))
            {
                output.Append(value);
                i = close;
                continue;
            }
            output.Append('$');
        }
        return output.ToString();
    }

    private static string Text(JsonObject node, string field) => node[field] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";

    private static List<string> Strings(JsonObject container, string field, string name)
    {
        if (container[field] is null) return [];
        if (container[field] is not JsonArray array) throw new FormatException($"container {name}: {field} is not a list");
        return array.Select(item => item is JsonValue v && v.TryGetValue<string>(out var s)
            ? s
            : throw new FormatException($"container {name}: {field} holds a non-string")).ToList();
    }

    private static List<KeyValuePair<string, string>> ReadEnv(JsonObject container, string name)
    {
        var result = new List<KeyValuePair<string, string>>();
        if (container["env"] is not JsonArray env) return result;
        foreach (var item in env)
        {
            if (item is not JsonObject entry || Text(entry, "name") is not { Length: > 0 } variable)
                throw new FormatException($"container {name}: an env entry has no name");
            if (entry["valueFrom"] is not null)
                throw new FormatException($"container {name}: env {variable} uses valueFrom, which the local agent does not support (give a value)");
            result.Add(new(variable, Text(entry, "value")));
        }
        return result;
    }
}
