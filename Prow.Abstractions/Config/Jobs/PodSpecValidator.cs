using System.Text.Json.Nodes;

namespace Prow.Abstractions.Config.Jobs;

/// <summary>Prow's validatePodSpec on a raw pod spec (after presets were merged).</summary>
public static class PodSpecValidator
{
    private static readonly string[] BaseEnv = ["CI", "JOB_NAME", "JOB_SPEC", "JOB_TYPE", "PROW_JOB_ID", "BUILD_ID", "BUILD_NUMBER"];
    private static readonly string[] RefsEnv = ["REPO_OWNER", "REPO_NAME", "SRC_BASE", "SRC_HOST", "PULL_BASE_REF", "PULL_BASE_SHA", "PULL_REFS"];
    private static readonly string[] PullEnv = ["PULL_NUMBER", "PULL_PULL_SHA", "PULL_HEAD_REF", "PULL_TITLE"];
    private static readonly HashSet<string> UtilityContainers = ["clonerefs", "initupload", "place-entrypoint", "sidecar"];
    private static readonly HashSet<string> TestContainerMounts = ["logs", "code", "tools"];
    private static readonly HashSet<string> TestContainerMountPaths = ["/logs", "/home/prow/go", "/tools"];

    /// <summary>Environment variables the pod utilities set for a job type ("presubmit", "postsubmit", "periodic").</summary>
    public static IReadOnlyList<string> ReservedEnv(string jobType) => jobType switch
    {
        "periodic" => BaseEnv,
        "postsubmit" or "batch" => [.. BaseEnv, .. RefsEnv],
        "presubmit" => [.. BaseEnv, .. RefsEnv, .. PullEnv],
        _ => [],
    };

    /// <summary>Every problem of <paramref name="spec"/>; empty when valid.</summary>
    public static List<string> Problems(string jobType, JsonObject spec, DecorationConfig? decoration)
    {
        var problems = new List<string>();
        var unsupportedInit = Objects(spec, "initContainers")
            .Where(c => Text(c, "restartPolicy") != "Always").Select(c => Text(c, "name")).ToList();
        if (unsupportedInit.Count > 0)
            problems.Add($"pod spec may not use init containers(sidecar container is supported): [{string.Join(" ", unsupportedInit)}]");

        var containers = Objects(spec, "containers").ToList();
        if (containers.Count < 1)
        {
            problems.Add($"pod spec must specify at least 1 container, found: {containers.Count}");
            return problems;
        }
        if (containers.Count > 1 && decoration is null)
        {
            problems.Add($"pod utility decoration must be enabled to use multiple containers: {containers.Count}");
            return problems;
        }
        if (containers.Count > 1)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var name in containers.Select(c => Text(c, "name")))
            {
                if (name.Length == 0) problems.Add("container does not have name. all containers must have names when defining multiple containers");
                if (!names.Add(name)) problems.Add($"container named \"{name}\" is defined more than once");
                if (UtilityContainers.Contains(name)) problems.Add($"container name {name} is a reserved for decoration. please specify a different container name that does not conflict with pod utility container names");
            }
        }

        var reserved = ReservedEnv(jobType);
        foreach (var container in containers)
        {
            var envNames = new HashSet<string>(StringComparer.Ordinal);
            foreach (var env in Objects(container, "env").Select(e => Text(e, "name")))
            {
                if (!envNames.Add(env)) problems.Add($"env var named \"{env}\" is defined more than once");
                if (reserved.Contains(env)) problems.Add($"env {env} is reserved");
            }
        }

        var decorated = DecorationVolumes(decoration);
        var volumes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var volume in Objects(spec, "volumes").Select(v => Text(v, "name")))
        {
            if (!volumes.Add(volume)) problems.Add($"volume named \"{volume}\" is defined more than once");
            if (decorated.Contains(volume)) problems.Add($"volume {volume} is a reserved for decoration");
        }
        foreach (var mount in containers.SelectMany(c => Objects(c, "volumeMounts")))
        {
            var name = Text(mount, "name");
            if (!volumes.Contains(name) && !decorated.Contains(name)) problems.Add($"volumeMount named \"{name}\" is undefined");
            if (TestContainerMounts.Contains(name)) problems.Add($"volumeMount name {name} is reserved for decoration");
            if (TestContainerMountPaths.Contains(Text(mount, "mountPath"))) problems.Add($"mount {name} at {Text(mount, "mountPath")} conflicts with decoration mount");
        }
        return problems;
    }

    /// <summary>True when the container has a non-empty first command or arg (needed when decorated).</summary>
    public static bool HasCommand(JsonObject container)
    {
        var first = Strings(container, "command").Concat(Strings(container, "args")).FirstOrDefault();
        return !string.IsNullOrEmpty(first);
    }

    public static IEnumerable<JsonObject> Objects(JsonObject owner, string key) =>
        (owner[key] as JsonArray)?.OfType<JsonObject>() ?? [];

    private static IEnumerable<string> Strings(JsonObject owner, string key) =>
        (owner[key] as JsonArray)?.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : n?.ToJsonString() ?? "") ?? [];

    private static string Text(JsonObject owner, string key) =>
        owner[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : owner[key]?.ToJsonString() ?? "";

    private static HashSet<string> DecorationVolumes(DecorationConfig? decoration)
    {
        var names = new HashSet<string>(StringComparer.Ordinal) { "logs", "code", "tools", "gcs-credentials", "s3-credentials" };
        if (decoration?.OauthTokenSecret is { } oauth) names.Add(oauth.Name);
        foreach (var secret in decoration?.SshKeySecrets ?? []) names.Add(secret);
        return names;
    }
}
