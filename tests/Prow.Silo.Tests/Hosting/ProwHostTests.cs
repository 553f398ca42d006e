using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Prow.Abstractions.Config;
using Prow.Silo.Hosting;
using Prow.TestSupport;

namespace Prow.Silo.Tests.Hosting;

/// <summary>The all-in-one host in-process: endpoints, and durable state across a restart on the same data dir.</summary>
public sealed class ProwHostTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private ProwHostOptions Options() => new()
    {
        Config = new ConfigPaths(_dir.Write("config/config.yaml", "prowjob_namespace: prow\n")),
        Port = 0,
        ListenAddress = "127.0.0.1",
        DataDir = _dir.Combine("data"),
        SiloPort = FreePorts.Next(),
        OrleansGatewayPort = FreePorts.Next(),
    };

    private static async Task<WebApplication> Start(ProwHostOptions options)
    {
        var load = ConfigLoader.Load(options.Config, strict: false, DateTimeOffset.UtcNow);
        Assert.True(load.Succeeded, string.Join("\n", load.Diagnostics));
        var app = ProwHost.Build(options, load.Snapshot!, silo =>
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromMilliseconds(200)));
        await app.StartAsync();
        return app;
    }

    private static HttpClient Client(WebApplication app) => new() { BaseAddress = new Uri(app.Urls.First()) };

    [Fact]
    public async Task Started_ServesHealthReadinessAndDashboard()
    {
        var app = await Start(Options());
        await using (app)
        {
            using var http = Client(app);
            Assert.Equal("OK", await http.GetStringAsync("/healthz"));
            Assert.Equal("OK", await http.GetStringAsync("/readyz"));
            var dashboard = await http.GetAsync("/dashboard/");
            Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
            Assert.Contains("Orleans Dashboard", await dashboard.Content.ReadAsStringAsync());
            await app.StopAsync();
        }
    }

    [Fact]
    public async Task Restart_SameDataDir_GrainStateAndRemindersSurvive()
    {
        var options = Options();
        var app = await Start(options);
        await using (app)
        {
            var probe = app.Services.GetRequiredService<IGrainFactory>().GetGrain<IDurabilityProbeGrain>("restart");
            await probe.SetValue("kept");
            await probe.StartReminder(TimeSpan.FromMilliseconds(500));
            await app.StopAsync();
        }

        // A second host on the same data dir (fresh ports: the old sockets may linger).
        var restarted = await Start(new ProwHostOptions
        {
            Config = options.Config, Port = 0, ListenAddress = "127.0.0.1", DataDir = options.DataDir,
            SiloPort = FreePorts.Next(), OrleansGatewayPort = FreePorts.Next(),
        });
        await using (restarted)
        {
            var probe = restarted.Services.GetRequiredService<IGrainFactory>().GetGrain<IDurabilityProbeGrain>("restart");
            var state = await probe.GetState();
            Assert.Equal("kept", state.Value);
            Assert.True(await probe.HasReminder());
            var ticksAtStart = state.Ticks;
            await Eventually.Until(async () => (await probe.GetState()).Ticks > ticksAtStart ? (object)true : null,
                TimeSpan.FromSeconds(60), "the reminder registered before the restart to fire after it");
            await restarted.StopAsync();
        }
    }
}
