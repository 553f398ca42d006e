using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Serialization.Cloning;
using Prow.Abstractions.Jobs;

namespace Prow.Abstractions.Tests.Jobs;

/// <summary>ProwJobs cross grain boundaries and live in grain state: Orleans must keep every field.</summary>
public sealed class ProwJobOrleansSerializationTests
{
    private static readonly ServiceProvider Services = new ServiceCollection().AddSerializer().BuildServiceProvider();

    public static TheoryData<string> Fixtures => JobFixtures.All;

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_SurvivesOrleansSerialization(string name)
    {
        var job = JobFixtures.Load(name);
        var serializer = Services.GetRequiredService<Serializer<ProwJob>>();

        var back = serializer.Deserialize(serializer.SerializeToArray(job))!;

        Assert.True(JsonNode.DeepEquals(ProwJobJson.ToNode(job), ProwJobJson.ToNode(back)));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_DeepCopyIsEqualAndIndependent(string name)
    {
        var job = JobFixtures.Load(name);
        var copier = Services.GetRequiredService<DeepCopier<ProwJob>>();

        var copy = copier.Copy(job);
        Assert.True(JsonNode.DeepEquals(ProwJobJson.ToNode(job), ProwJobJson.ToNode(copy)));

        copy.Spec.PodSpec?.Add("copyOnly", true);
        copy.Status.Description = "changed";
        Assert.False(job.Spec.PodSpec?.ContainsKey("copyOnly") ?? false);
        Assert.NotEqual("changed", job.Status.Description);
    }
}
