using Prow.Abstractions.Jobs;
using Prow.Abstractions.Jobs.Grains;
using Prow.Grains.Jobs;
using Prow.Grains.Ports;
using Prow.TestSupport;

namespace Prow.Silo.Tests.Jobs;

/// <summary>The ProwJob grain in the all-in-one host, driving a fake build cluster.</summary>
public sealed class ProwJobGrainTests(JobHostFixture fixture) : IClassFixture<JobHostFixture>
{
    private JobHost Host => fixture.Host;
    private FakeBuildCluster Cluster => fixture.Cluster;

    /// <summary>Deck's rerun and mkpj create through the grain, not trigger: a new push must still abort what they started.</summary>
    [Fact]
    public async Task A_presubmit_created_directly_is_aborted_by_a_new_push_like_triggers_own()
    {
        var job = JobHostFixture.NewJob("rerun-by-hand", ProwJobType.Presubmit, org: "push-org", repo: "push-repo");
        await Host.Job(job.Name).Create(job);
        await Host.WaitForAsync(job.Name, j => j.Status.State == ProwJobState.Pending, "pending");

        var aborted = await new GrainProwJobCreator(() => Host.Grains).AbortPresubmitsAsync("push-org", "push-repo", 7, keepSha: "a-newer-head", "Aborted by trigger plugin.");

        Assert.Equal(1, aborted);
        var done = await Host.WaitForAsync(job.Name, j => j.Complete, "aborted");
        Assert.Equal((ProwJobState.Aborted, "Aborted by trigger plugin."), (done.Status.State!.Value, done.Status.Description));
    }

    [Fact]
    public async Task A_created_job_starts_its_workload_once_becomes_pending_and_succeeds_when_the_workload_does()
    {
        var job = JobHostFixture.NewJob("succeeds");
        var created = await Host.Job(job.Name).Create(job);
        Assert.Equal(ProwJobState.Triggered, created.Status.State);

        var pending = await Host.WaitForAsync(job.Name, j => j.Status.State == ProwJobState.Pending, "pending");
        Assert.Equal(ProwJobStateMachine.JobTriggered, pending.Status.Description);
        Assert.NotNull(pending.Status.PendingTime);
        Assert.Equal(job.Name, pending.Status.PodName);
        Assert.Matches("^[0-9]{19}$", pending.Status.BuildId);
        Assert.Equal($"https://prow.example/view/logs/succeeds/{pending.Status.BuildId}/", pending.Status.Url);

        await Host.Events.WorkloadChangedAsync(job.Name, Cluster.Workload(job.Name)! with { Phase = WorkloadPhase.Succeeded, AllContainersSucceeded = true });
        var done = await Host.WaitForAsync(job.Name, j => j.Complete, "complete");
        Assert.Equal(ProwJobState.Success, done.Status.State);
        Assert.Equal(ProwJobStateMachine.JobSucceeded, done.Status.Description);
        Assert.Single(Cluster.Starts, job.Name);
    }

    [Fact]
    public async Task Creating_the_same_job_twice_keeps_the_first_and_starts_one_workload()
    {
        var job = JobHostFixture.NewJob("twice");
        var first = await Host.Job(job.Name).Create(job);
        var again = JobHostFixture.NewJob("something-else");
        again.Metadata.Name = job.Name;
        var second = await Host.Job(job.Name).Create(again);
        Assert.Equal("twice", second.Spec.Job);
        Assert.Equal(first.Status.StartTime, second.Status.StartTime);
        await Host.WaitForAsync(job.Name, j => j.Status.State == ProwJobState.Pending, "pending");
        Assert.Single(Cluster.Starts, job.Name);
    }

    [Fact]
    public async Task A_workload_the_cluster_refuses_ends_the_job_in_error_with_plank_s_description()
    {
        var job = JobHostFixture.NewJob("refused");
        Cluster.FailNextStart(new BuildClusterException("pods \"x\" is invalid: spec.containers: Required value", permanent: true));
        await Host.Job(job.Name).Create(job);
        var done = await Host.WaitForAsync(job.Name, j => j.Complete, "complete");
        Assert.Equal(ProwJobState.Error, done.Status.State);
        Assert.Equal("Pod can not be created: pods \"x\" is invalid: spec.containers: Required value", done.Status.Description);
    }

    [Fact]
    public async Task A_job_its_cluster_cannot_build_a_workload_from_ends_in_error()
    {
        var job = JobHostFixture.NewJob("unbuildable");
        Cluster.FailNextStart(new ArgumentException("presubmit prowjob \"x\" has no pull"));
        await Host.Job(job.Name).Create(job);
        var done = await Host.WaitForAsync(job.Name, j => j.Complete, "complete");
        Assert.Equal(ProwJobState.Error, done.Status.State);
        Assert.Equal("Pod can not be created: presubmit prowjob \"x\" has no pull", done.Status.Description);
    }

    [Fact]
    public async Task A_presubmit_gets_plank_s_job_url_from_the_template()
    {
        var job = JobHostFixture.NewJob("url", ProwJobType.Presubmit);
        await Host.Job(job.Name).Create(job);
        var pending = await Host.WaitForAsync(job.Name, j => j.Status.State == ProwJobState.Pending, "pending");
        Assert.Equal($"https://prow.example/view/pr-logs/7/url/{pending.Status.BuildId}/", pending.Status.Url);
    }

    [Fact]
    public async Task A_transient_cluster_failure_is_retried()
    {
        var job = JobHostFixture.NewJob("transient");
        Cluster.FailNextStart(new BuildClusterException("503 Service Unavailable", permanent: false));
        await Host.Job(job.Name).Create(job);
        await Host.WaitForAsync(job.Name, j => j.Status.State == ProwJobState.Pending, "pending after a retry");
        Assert.Single(Cluster.Starts, job.Name);
    }

    [Fact]
    public async Task Abort_deletes_the_workload_and_completes_the_job_as_aborted()
    {
        var job = JobHostFixture.NewJob("aborted");
        await Host.Job(job.Name).Create(job);
        await Host.WaitForAsync(job.Name, j => j.Status.State == ProwJobState.Pending, "pending");

        var result = await Host.Job(job.Name).Abort("Aborted by trigger plugin.");
        Assert.True(result.Aborted, result.Reason);
        var done = await Host.WaitForAsync(job.Name, j => j.Complete, "complete");
        Assert.Equal(ProwJobState.Aborted, done.Status.State);
        Assert.Equal("Aborted by trigger plugin.", done.Status.Description);
        Assert.Contains(job.Name, Cluster.Deletes);
        Assert.Null(Cluster.Workload(job.Name));

        var again = await Host.Job(job.Name).Abort("again");
        Assert.False(again.Aborted);
        Assert.Equal("Cannot abort job with state: \"aborted\".", again.Reason);
    }

    [Fact]
    public async Task Aborting_an_unknown_job_says_so()
    {
        var result = await Host.Job(Guid.NewGuid().ToString()).Abort("x");
        Assert.False(result.Aborted);
        Assert.Null(result.Job);
    }

    [Fact]
    public async Task A_workload_deleted_behind_the_job_s_back_ends_it_in_error()
    {
        var job = JobHostFixture.NewJob("deleted");
        await Host.Job(job.Name).Create(job);
        await Host.WaitForAsync(job.Name, j => j.Status.State == ProwJobState.Pending, "pending");
        var deleting = Cluster.Workload(job.Name)! with { Deleting = true, Phase = WorkloadPhase.Pending };
        Cluster.Set(job.Name, deleting);
        await Host.Events.WorkloadChangedAsync(job.Name, deleting);
        var done = await Host.WaitForAsync(job.Name, j => j.Complete, "complete");
        Assert.Equal(ProwJobState.Error, done.Status.State);
        Assert.Equal(PlankRules.PodDeletedUnexpectedly, done.Status.Description);
    }

    [Fact]
    public async Task A_workload_pending_too_long_times_out_and_is_deleted()
    {
        var job = JobHostFixture.NewJob("pending-timeout");
        Cluster.Set(job.Name, new WorkloadObservation
        {
            Phase = WorkloadPhase.Pending,
            CreatedAt = DateTimeOffset.UtcNow.AddMinutes(-20),
            StartedAt = DateTimeOffset.UtcNow.AddMinutes(-11),
        });
        await Host.Job(job.Name).Create(job);
        var done = await Host.WaitForAsync(job.Name, j => j.Complete, "complete");
        Assert.Equal(ProwJobState.Error, done.Status.State);
        Assert.Equal(PlankRules.PodPendingTimeout, done.Status.Description);
        await Eventually.Until(() => Cluster.Deletes.Contains(job.Name), TimeSpan.FromSeconds(10), "the workload deleted");
        Assert.DoesNotContain(job.Name, Cluster.Starts); // the existing workload was adopted, not created again
    }

    [Fact]
    public async Task An_evicted_workload_is_recreated_and_counted()
    {
        var job = JobHostFixture.NewJob("evicted");
        await Host.Job(job.Name).Create(job);
        await Host.WaitForAsync(job.Name, j => j.Status.State == ProwJobState.Pending, "pending");
        var evicted = Cluster.Workload(job.Name)! with { Phase = WorkloadPhase.Failed, Reason = "Evicted" };
        Cluster.Set(job.Name, evicted);
        await Host.Events.WorkloadChangedAsync(job.Name, evicted);
        var revived = await Host.WaitForAsync(job.Name, j => j.Status.PodRevivalCount == 1, "one revival");
        Assert.Equal(ProwJobState.Pending, revived.Status.State);
        await Eventually.Until(() => Cluster.Starts.Count(n => n == job.Name) == 2, TimeSpan.FromSeconds(10), "a second start");
    }

    [Fact]
    public async Task A_job_for_an_agent_this_deployment_does_not_run_errors_with_a_clear_description()
    {
        var job = JobHostFixture.NewJob("jenkins", edit: s => s.Agent = ProwJobAgents.Jenkins);
        await Host.Job(job.Name).Create(job);
        var done = await Host.WaitForAsync(job.Name, j => j.Complete, "complete");
        Assert.Equal(ProwJobState.Error, done.Status.State);
        Assert.Equal("No build cluster for agent \"jenkins\" and cluster \"default\" (this deployment runs: kubernetes/default).", done.Status.Description);
    }

    [Fact]
    public async Task A_job_queue_of_capacity_one_holds_the_second_job_until_the_first_completes()
    {
        var first = JobHostFixture.NewJob("queued-a", edit: s => s.JobQueueName = "single");
        await Host.Job(first.Name).Create(first);
        await Host.WaitForAsync(first.Name, j => j.Status.State == ProwJobState.Pending, "first pending");

        var second = JobHostFixture.NewJob("queued-b", edit: s => s.JobQueueName = "single");
        await Host.Job(second.Name).Create(second);
        var active = await Host.Grains.GetGrain<IJobAdmissionGrain>(JobAdmissionGrain.Key).Active();
        Assert.Contains(active, a => a.Name == second.Name && a.State == ProwJobState.Triggered);
        Assert.Equal(ProwJobState.Triggered, (await Host.Job(second.Name).Get())!.Status.State);
        Assert.DoesNotContain(second.Name, Cluster.Starts);

        await Host.Job(first.Name).Abort("make room");
        await Host.WaitForAsync(first.Name, j => j.Complete, "first complete");
        // plank looks again at held jobs every 10 seconds.
        await Host.WaitForAsync(second.Name, j => j.Status.State == ProwJobState.Pending, "second pending once the first is gone");
        var after = await Host.Grains.GetGrain<IJobAdmissionGrain>(JobAdmissionGrain.Key).Active();
        Assert.DoesNotContain(after, a => a.Name == first.Name);
    }

    [Fact]
    public async Task Build_ids_of_a_job_only_grow_and_a_retry_gets_the_same_one()
    {
        var builds = Host.Grains.GetGrain<IJobBuildsGrain>("build-ids");
        var a = long.Parse(await builds.Assign("job-a"));
        var b = long.Parse(await builds.Assign("job-b"));
        var c = long.Parse(await builds.Assign("job-c"));
        Assert.True(a < b && b < c, $"{a} < {b} < {c}");
        Assert.Equal(b, long.Parse(await builds.Assign("job-b")));
        Assert.Equal("job-c", await builds.Find(c.ToString()));
        Assert.Null(await builds.Find("123"));
        Assert.Null(await builds.Find("not-a-number"));
    }

    [Fact]
    public async Task The_index_lists_every_persisted_change()
    {
        var job = JobHostFixture.NewJob("indexed", ProwJobType.Presubmit, org: "index-org");
        await Host.Job(job.Name).Create(job);
        await Host.WaitForAsync(job.Name, j => j.Status.State == ProwJobState.Pending, "pending");
        await Eventually.Until(async () =>
        {
            var listed = await Prow.Gateway.Endpoints.ProwJobEndpoints.ListJobsAsync(Host.Grains, new ProwJobQuery { Org = "index-org" });
            return listed.Count == 1 && ProwJobJson.Deserialize(System.Text.Encoding.UTF8.GetString(listed[0].Json)).Status.State == ProwJobState.Pending ? listed : null;
        }, TimeSpan.FromSeconds(10), "the index to show the job pending");
    }

    [Fact]
    public async Task The_index_rebuilds_from_the_jobs_persisted_state_after_deactivation()
    {
        // Many jobs at once, so inserts into one shard meet a write in flight (group commit).
        var jobs = Enumerable.Range(0, 24).Select(i => JobHostFixture.NewJob($"reindexed-{i}", ProwJobType.Presubmit, org: "reindex-org")).ToList();
        await Task.WhenAll(jobs.Select(j => Host.Job(j.Name).Create(j)));
        foreach (var job in jobs) await Host.WaitForAsync(job.Name, j => j.Status.State == ProwJobState.Pending, "pending");

        await Host.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        var listed = await Prow.Gateway.Endpoints.ProwJobEndpoints.ListJobsAsync(Host.Grains, new ProwJobQuery { Org = "reindex-org" });
        var entries = listed.Select(l => ProwJobJson.Deserialize(System.Text.Encoding.UTF8.GetString(l.Json))).ToList();
        Assert.Equal(jobs.Select(j => j.Name).Order(), entries.Select(e => e.Name).Order());
        Assert.All(entries, e => Assert.Equal(ProwJobState.Pending, e.Status.State));
    }
}
