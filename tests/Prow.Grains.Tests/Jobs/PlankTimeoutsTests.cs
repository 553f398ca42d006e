using Prow.Abstractions.Config.Controllers;
using Prow.Abstractions.Jobs;
using Prow.Grains.Jobs;

namespace Prow.Grains.Tests.Jobs;

public sealed class PlankTimeoutsTests
{
    [Fact]
    public void EmptyPlankConfig_GivesProwsDefaults()
    {
        var limits = PlankTimeouts.FromConfig(new PlankConfig());

        Assert.Equal(new PlankTimeouts(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(5), TimeSpan.FromHours(48), 3), limits);
    }

    [Fact]
    public void PlankConfig_OverridesTheDefaults()
    {
        var plank = new PlankConfig
        {
            PodPendingTimeout = TimeSpan.FromMinutes(20),
            PodUnscheduledTimeout = TimeSpan.FromMinutes(7),
            PodRunningTimeout = TimeSpan.FromHours(5),
            MaxRevivals = 1,
        };

        Assert.Equal(new PlankTimeouts(TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(7), TimeSpan.FromHours(5), 1), PlankTimeouts.FromConfig(plank));
    }

    [Fact]
    public void DecorationConfig_OverridesPlankPerJob()
    {
        var spec = new ProwJobSpec
        {
            DecorationConfig = new DecorationConfig { PodPendingTimeout = TimeSpan.FromMinutes(1), PodRunningTimeout = TimeSpan.FromHours(1) },
        };

        var limits = PlankTimeouts.Defaults.ForJob(spec);

        Assert.Equal((TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromHours(1)), (limits.PodPending, limits.PodUnscheduled, limits.PodRunning));
        Assert.Null(limits.DecorationTimeout);
    }

    [Fact]
    public void EnforcedDecorationTimeout_DefaultsToEntrypointsTwoHours()
    {
        var limits = PlankTimeouts.Defaults.ForJob(new ProwJobSpec { DecorationConfig = new DecorationConfig() }, enforceDecorationTimeout: true);

        Assert.Equal(TimeSpan.FromHours(2), limits.DecorationTimeout);
        Assert.Equal(TimeSpan.FromSeconds(15), limits.DecorationGracePeriod);
    }

    [Fact]
    public void UndecoratedJob_HasNoDecorationTimeout()
    {
        Assert.Null(PlankTimeouts.Defaults.ForJob(new ProwJobSpec(), enforceDecorationTimeout: true).DecorationTimeout);
    }
}
