using System.Text.Json;
using System.Text.Json.Serialization;
using Prow.Grains.Jobs;

namespace Prow.Silo.Adapters.Local;

/// <summary>
/// What is known about a run, kept as <c>run.json</c> beside its log so a later host (a new
/// <see cref="LocalProcessCluster"/> on the same directory) can report it. Written whole and
/// replaced atomically at every change.
/// </summary>
internal sealed record LocalRunRecord
{
    public const string FileName = "run.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public required string Name { get; init; }
    public string BuildId { get; init; } = "";

    /// <summary>Pending (checking out), Running, Succeeded or Failed.</summary>
    public required WorkloadPhase Phase { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the test processes started (the pod's containers started running).</summary>
    public DateTimeOffset? RunningAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Set when the run was deleted: it no longer exists for plank, its files stay.</summary>
    public DateTimeOffset? DeletedAt { get; init; }

    /// <summary>Short cause of a failure outside the test's own exit code (CheckoutFailed, StartFailed...).</summary>
    public string? Reason { get; init; }

    /// <summary>The failure in words (also in the log).</summary>
    public string? Message { get; init; }

    /// <summary>The running processes, to recognise and kill them after a host restart.</summary>
    public List<ProcessEntry>? Processes { get; init; }

    /// <summary>Exit code per container once finished.</summary>
    public Dictionary<string, int>? ExitCodes { get; init; }

    [JsonIgnore]
    public bool Finished => Phase is WorkloadPhase.Succeeded or WorkloadPhase.Failed;

    /// <summary>
    /// What plank sees. Deleted: absent. A run still in progress that no live host owns (the host
    /// stopped while it ran): phase Unknown, like a pod on a lost node, so plank recreates it (and
    /// counts the revival) rather than reporting a result nobody saw. Otherwise the recorded phase;
    /// the run is "scheduled" at once, so StartedAt is its creation.
    /// </summary>
    public WorkloadObservation? ToObservation(bool owned)
    {
        if (DeletedAt is not null) return null;
        var interrupted = !Finished && !owned;
        return new WorkloadObservation
        {
            Phase = interrupted ? WorkloadPhase.Unknown : Phase,
            CreatedAt = CreatedAt,
            StartedAt = CreatedAt,
            Reason = interrupted ? HostStoppedReason : Reason ?? "",
            AllContainersSucceeded = Phase == WorkloadPhase.Succeeded,
            BuildId = BuildId,
        };
    }

    /// <summary>Reason of a run interrupted by its host stopping.</summary>
    public const string HostStoppedReason = "HostStopped";

    public static string PathIn(string runDirectory) => Path.Combine(runDirectory, FileName);

    /// <summary>The record in <paramref name="runDirectory"/>; null when there is none; a damaged one reads as an interrupted run.</summary>
    public static LocalRunRecord? TryRead(string runDirectory, string name)
    {
        var path = PathIn(runDirectory);
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<LocalRunRecord>(File.ReadAllText(path), Json) ?? Damaged(name, path);
        }
        catch (JsonException)
        {
            return Damaged(name, path);
        }
    }

    public void WriteTo(string runDirectory)
    {
        var path = PathIn(runDirectory);
        // A temporary file per writer: two hosts sharing a data dir (one that crashed and left its run, one deleting it)
        // may write the record at once; the last rename wins and neither finds its temporary file gone.
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, Json));
        File.Move(temporary, path, overwrite: true);
    }

    private static LocalRunRecord Damaged(string name, string path) => new()
    {
        Name = name,
        Phase = WorkloadPhase.Running,
        CreatedAt = new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero),
        Message = $"{FileName} could not be read",
    };

    public sealed record ProcessEntry(string Container, int Id, DateTimeOffset StartedAt);
}
