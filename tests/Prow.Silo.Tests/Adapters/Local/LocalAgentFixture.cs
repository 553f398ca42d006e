using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Prow.Abstractions.Jobs;
using Prow.Silo.Adapters.Local;
using Prow.TestSupport;

namespace Prow.Silo.Tests.Adapters.Local;

/// <summary>Per-test world for the local agent: a temp folder, a git remote, recorded events, clusters on one data dir.</summary>
internal sealed class LocalAgentFixture : IAsyncDisposable
{
    private readonly List<LocalProcessCluster> _clusters = [];

    public LocalAgentFixture()
    {
        Remote = new GitRemote(Temp.Path);
        Options = new LocalAgentOptions { DataDirectory = Temp.Combine("data"), GitBaseUrl = Remote.BaseUrl, FetchRetries = [] };
    }

    public TempDirectory Temp { get; } = new("prow-local");
    public GitRemote Remote { get; }
    public RecordingWorkloadEvents Events { get; } = new();
    public LocalAgentOptions Options { get; }

    /// <summary>A cluster on the fixture's data dir (a second call stands for the host after a restart).</summary>
    public LocalProcessCluster NewCluster(RecordingWorkloadEvents? events = null)
    {
        var cluster = new LocalProcessCluster(Options, events ?? Events, TimeProvider.System, NullLogger<LocalProcessCluster>.Instance);
        _clusters.Add(cluster);
        return cluster;
    }

    public string RunDirectory(string name) => Path.Combine(Options.DataDirectory, "jobs", name);

    public static ProwJob Job(string name, Refs? refs, params string[] command) => Job(name, refs, PodSpec(command));

    public static ProwJob Job(string name, Refs? refs, JsonObject podSpec) => new()
    {
        Metadata = { Name = name },
        Spec =
        {
            Type = refs is null ? ProwJobType.Periodic : refs.Pulls is { Count: > 0 } ? ProwJobType.Presubmit : ProwJobType.Postsubmit,
            Agent = ProwJobAgents.Local,
            Job = "unit-test",
            Refs = refs,
            PodSpec = podSpec,
        },
        Status = { BuildId = "1234" },
    };

    public static JsonObject PodSpec(params string[] command) => new()
    {
        ["containers"] = new JsonArray(new JsonObject
        {
            ["name"] = "test",
            ["image"] = "golang:1.22",
            ["command"] = new JsonArray(command.Select(c => (JsonNode)c).ToArray()),
            ["env"] = new JsonArray(new JsonObject { ["name"] = "MY_ENV", ["value"] = "rocks" }),
        }),
    };

    /// <summary>A shell script as a container command.</summary>
    public static string[] Shell(string script) => ["sh", "-c", script];

    public static async Task<string> ReadLogAsync(LocalProcessCluster cluster, ProwJob job)
    {
        await using var stream = await cluster.OpenLogAsync(job) ?? throw new InvalidOperationException("no log");
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }

    /// <summary>Whether process <paramref name="pid"/> runs (Linux /proc; a zombie counts as gone).</summary>
    public static bool IsAlive(int pid)
    {
        // A zombie (exited, not yet reaped) counts as gone.
        var stat = $"/proc/{pid}/stat";
        if (!File.Exists(stat)) return false;
        try
        {
            var text = File.ReadAllText(stat);
            return text[(text.LastIndexOf(')') + 2)] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var cluster in _clusters) await cluster.DisposeAsync();
        Temp.Dispose();
    }
}
