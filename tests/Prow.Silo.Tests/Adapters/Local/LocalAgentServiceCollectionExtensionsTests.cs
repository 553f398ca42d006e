using Microsoft.Extensions.DependencyInjection;
using Prow.Grains.Ports;
using Prow.Silo.Adapters.Local;
using Prow.TestSupport;

namespace Prow.Silo.Tests.Adapters.Local;

public sealed class LocalAgentServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddLocalBuildAgent_RegistersOneClusterAlsoKeyedAsLocalDefault()
    {
        using var temp = new TempDirectory("prow-local-di");
        await using var services = new ServiceCollection()
            .AddSingleton<IWorkloadEvents>(new RecordingWorkloadEvents())
            .AddLocalBuildAgent(new LocalAgentOptions { DataDirectory = temp.Path })
            .BuildServiceProvider();

        var cluster = services.GetRequiredService<LocalProcessCluster>();

        Assert.Same(cluster, services.GetRequiredKeyedService<IBuildCluster>("local/default"));
        Assert.True(Directory.Exists(Path.Combine(temp.Path, "jobs")));
    }
}
