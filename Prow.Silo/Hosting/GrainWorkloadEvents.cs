using Prow.Grains.Jobs;
using Prow.Grains.Ports;

namespace Prow.Silo.Hosting;

/// <summary>Forwards workload changes seen by build clusters to the owning ProwJob grain.</summary>
public sealed class GrainWorkloadEvents(IGrainFactory grains) : IWorkloadEvents
{
    public Task WorkloadChangedAsync(string prowJobName, WorkloadObservation? observation) =>
        grains.GetGrain<IProwJobWorkloadGrain>(prowJobName).OnWorkloadChanged(observation);
}
