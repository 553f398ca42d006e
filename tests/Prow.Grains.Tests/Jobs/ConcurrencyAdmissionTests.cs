using Prow.Abstractions.Jobs;
using Prow.Grains.Jobs;

namespace Prow.Grains.Tests.Jobs;

public sealed class ConcurrencyAdmissionTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    private static ProwJob Candidate(int maxConcurrency = 0, string queue = "") => new()
    {
        Metadata = { Name = "me", CreationTimestamp = Created },
        Spec = { Job = "unit", MaxConcurrency = maxConcurrency, JobQueueName = queue },
        Status = { State = ProwJobState.Triggered },
    };

    private static ActiveJobSummary Other(string name, ProwJobState state, int minutesOlder, string job = "unit", string queue = "") =>
        new() { Name = name, Job = job, JobQueueName = queue, State = state, CreatedAt = Created.AddMinutes(-minutesOlder) };

    private static readonly Dictionary<string, int> Queues = new() { ["q2"] = 2, ["closed"] = 0, ["open"] = -1 };

    public static TheoryData<string, ProwJob, ActiveJobSummary[], int, bool> Cases => new()
    {
        // scenario, candidate, others, plank max_concurrency, admitted
        { "no limits", Candidate(), [Other("a", ProwJobState.Pending, 1)], 0, true },
        { "max 1, one pending run", Candidate(maxConcurrency: 1), [Other("a", ProwJobState.Pending, 1)], 0, false },
        { "max 2, one pending run", Candidate(maxConcurrency: 2), [Other("a", ProwJobState.Pending, 1)], 0, true },
        { "max 1, an older triggered run goes first", Candidate(maxConcurrency: 1), [Other("a", ProwJobState.Triggered, 1)], 0, false },
        { "max 1, a newer triggered run waits for us", Candidate(maxConcurrency: 1), [Other("a", ProwJobState.Triggered, -1)], 0, true },
        { "max 1, same-time triggered run does not block", Candidate(maxConcurrency: 1), [Other("a", ProwJobState.Triggered, 0)], 0, true },
        { "max 1, other jobs do not count", Candidate(maxConcurrency: 1), [Other("a", ProwJobState.Pending, 1, job: "lint")], 0, true },
        { "max 1, itself does not count", Candidate(maxConcurrency: 1), [Other("me", ProwJobState.Triggered, 0)], 0, true },
        { "queue of 2 with 2 pending", Candidate(queue: "q2"), [Other("a", ProwJobState.Pending, 1, "x", "q2"), Other("b", ProwJobState.Pending, 1, "y", "q2")], 0, false },
        { "queue of 2 with 1 pending", Candidate(queue: "q2"), [Other("a", ProwJobState.Pending, 1, "x", "q2"), Other("b", ProwJobState.Pending, 1, "y", "other")], 0, true },
        { "queue of 2 with 1 pending and 1 older triggered", Candidate(queue: "q2"), [Other("a", ProwJobState.Pending, 1, "x", "q2"), Other("b", ProwJobState.Triggered, 5, "y", "q2")], 0, false },
        { "queue capacity 0 holds everything", Candidate(queue: "closed"), [], 0, false },
        { "negative queue capacity is unlimited", Candidate(queue: "open"), [Other("a", ProwJobState.Pending, 1, "x", "open")], 0, true },
        { "job limit ok but queue full", Candidate(maxConcurrency: 5, queue: "q2"), [Other("a", ProwJobState.Pending, 1, "x", "q2"), Other("b", ProwJobState.Pending, 1, "y", "q2")], 0, false },
        { "plank max_concurrency reached", Candidate(), [Other("a", ProwJobState.Pending, 1, "x"), Other("b", ProwJobState.Pending, 1, "y")], 2, false },
        { "plank max_concurrency counts pending only", Candidate(), [Other("a", ProwJobState.Pending, 1, "x"), Other("b", ProwJobState.Triggered, 1, "y")], 2, true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decide_FollowsPlanksConcurrencyRules(string scenario, ProwJob candidate, ActiveJobSummary[] others, int globalMax, bool admitted)
    {
        var decision = ConcurrencyAdmission.Decide(candidate, others, Queues, globalMax);

        Assert.True(admitted == decision.Admitted, $"{scenario}: {decision.Reason}");
        Assert.Equal(admitted, decision.Reason.Length == 0);
    }

    [Fact]
    public void UnknownQueue_IsAConfigError()
    {
        var decision = ConcurrencyAdmission.Decide(Candidate(queue: "nope"), [], Queues);

        Assert.False(decision.Admitted);
        Assert.True(decision.ConfigError);
        Assert.Equal("failed to match queue name 'nope' with Plank configuration", decision.Reason);
    }

    [Fact]
    public void HeldJob_SaysWhyAsPlankLogsIt()
    {
        var decision = ConcurrencyAdmission.Decide(Candidate(maxConcurrency: 1), [Other("a", ProwJobState.Pending, 1)], Queues);

        Assert.Equal("Not starting another instance of unit, have 1 instances that are pending or older, 1 is the limit", decision.Reason);
    }

    [Fact]
    public void Summary_FromProwJob_UsesCreationTime()
    {
        var summary = ActiveJobSummary.From(Candidate(queue: "q2"));

        Assert.Equal(("me", "unit", "q2", ProwJobState.Triggered, Created), (summary.Name, summary.Job, summary.JobQueueName, summary.State, summary.CreatedAt));
    }
}
