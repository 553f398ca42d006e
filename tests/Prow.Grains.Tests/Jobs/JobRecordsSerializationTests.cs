using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Prow.Abstractions.Jobs;
using Prow.Grains.Jobs;

namespace Prow.Grains.Tests.Jobs;

/// <summary>The small job records may cross grain boundaries (index grains, agent callbacks).</summary>
public sealed class JobRecordsSerializationTests
{
    private static readonly ServiceProvider Services = new ServiceCollection().AddSerializer().BuildServiceProvider();

    private static T RoundTrip<T>(T value)
    {
        var serializer = Services.GetRequiredService<Serializer<T>>();
        return serializer.Deserialize(serializer.SerializeToArray(value))!;
    }

    [Fact]
    public void WorkloadObservation_SurvivesOrleansSerialization()
    {
        var observation = new WorkloadObservation
        {
            Phase = WorkloadPhase.Running,
            CreatedAt = DateTimeOffset.UnixEpoch,
            StartedAt = DateTimeOffset.UnixEpoch.AddMinutes(1),
            Deleting = true,
            Reason = "NodeLost",
            OomKilled = true,
            AllContainersSucceeded = true,
            BuildId = "42",
        };

        Assert.Equal(observation, RoundTrip(observation));
    }

    [Fact]
    public void ActiveJobSummary_SurvivesOrleansSerialization()
    {
        var summary = new ActiveJobSummary { Name = "n", Job = "j", JobQueueName = "q", State = ProwJobState.Pending, CreatedAt = DateTimeOffset.UnixEpoch };

        var back = RoundTrip(summary);

        Assert.Equal((summary.Name, summary.Job, summary.JobQueueName, summary.State, summary.CreatedAt), (back.Name, back.Job, back.JobQueueName, back.State, back.CreatedAt));
    }
}
