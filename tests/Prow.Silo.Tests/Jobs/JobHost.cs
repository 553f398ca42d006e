using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Prow.Abstractions.Config;
using Prow.Abstractions.Jobs;
using Prow.Abstractions.Jobs.Grains;
using Prow.Grains.Jobs;
using Prow.Grains.Ports;
using Prow.Silo.Hosting;
using Prow.TestSupport;

namespace Prow.Silo.Tests.Jobs;

/// <summary>Crier reporters of a <see cref="JobHost"/> beyond GitHub (the host's Slack and webhook reporter flags).</summary>
public sealed record HostReporters(
    IReadOnlyDictionary<string, string>? SlackWebhookUrlFiles = null,
    IReadOnlyDictionary<string, string>? SlackTokenFiles = null,
    string? SlackApiEndpoint = null,
    IReadOnlyList<string>? WebhookUrls = null,
    string? WebhookHmacSecretFile = null);

/// <summary>An all-in-one host whose build cluster is a <see cref="FakeBuildCluster"/>, with short reminder periods.</summary>
public sealed class JobHost : IAsyncDisposable
{
    private JobHost(WebApplication app, HttpClient http, int gatewayPort)
    {
        App = app;
        Http = http;
        GatewayPort = gatewayPort;
    }

    /// <summary>The silo's Orleans gateway port (for clients such as mkpj --trigger-job).</summary>
    public int GatewayPort { get; }

    public WebApplication App { get; }
    public HttpClient Http { get; }
    public IGrainFactory Grains => App.Services.GetRequiredService<IGrainFactory>();
    public IWorkloadEvents Events => App.Services.GetRequiredService<IWorkloadEvents>();

    /// <summary>
    /// Starts the host. With <paramref name="cluster"/> every job runs on that fake; with null the host's own build
    /// clusters run them (the local agent, and the clusters of <paramref name="kubeconfig"/>). With <paramref name="github"/>
    /// the host talks to that fake GitHub with a token (so crier reports jobs there); without, it has no GitHub credentials.
    /// <paramref name="pluginsYaml"/> is plugins.yaml (default: no plugins); with <paramref name="hmacSecret"/> /hook
    /// accepts webhooks signed with it. <paramref name="dataDir"/> (default: data/ in <paramref name="dir"/>) lets a test
    /// start a second host on the first one's storage.
    /// </summary>
    public static async Task<JobHost> StartAsync(TempDirectory dir, FakeBuildCluster? cluster, string? configYaml = null, bool rerunCreatesJob = false,
        string? kubeconfig = null, Action<ISiloBuilder>? configureSilo = null, Prow.TestSupport.FakeGitHub.FakeGitHubServer? github = null,
        HostReporters? reporters = null, string? pluginsYaml = null, string? hmacSecret = null, string? dataDir = null)
    {
        var options = new ProwHostOptions
        {
            Config = new ConfigPaths(dir.Write("config/config.yaml", configYaml ?? "prowjob_namespace: prow\n"), null, dir.Write("config/plugins.yaml", pluginsYaml ?? "plugins: {}\n")),
            Port = 0,
            ListenAddress = "127.0.0.1",
            DataDir = dataDir ?? dir.Combine("data"),
            SiloPort = FreePorts.Next(),
            OrleansGatewayPort = FreePorts.Next(),
            RerunCreatesJob = rerunCreatesJob,
            Kubeconfig = kubeconfig,
            GitHubEndpoints = github is null ? ["https://api.github.com"] : [github.Endpoint],
            GitHubTokenPath = github is null ? null : dir.Write("oauth", "e2e-token\n"),
            SlackWebhookUrlFiles = reporters?.SlackWebhookUrlFiles ?? new Dictionary<string, string>(),
            SlackTokenFiles = reporters?.SlackTokenFiles ?? new Dictionary<string, string>(),
            SlackApiEndpoint = reporters?.SlackApiEndpoint ?? "https://slack.com/api",
            WebhookReporterUrls = reporters?.WebhookUrls ?? [],
            WebhookReporterHmacSecretFile = reporters?.WebhookHmacSecretFile,
            HmacSecretFile = hmacSecret is null ? null : dir.Write("hmac", hmacSecret),
        };
        var load = ConfigLoader.Load(options.Config, strict: false, DateTimeOffset.UtcNow);
        Assert.True(load.Succeeded, string.Join("\n", load.Diagnostics));
        var app = ProwHost.Build(options, load.Snapshot!, silo =>
        {
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromMilliseconds(200));
            silo.Services.Configure<ProwJobOptions>(o =>
            {
                o.ReconcilePeriod = TimeSpan.FromSeconds(1);
                o.RetryBaseDelay = TimeSpan.FromMilliseconds(50);
            });
            if (cluster is not null) silo.Services.AddSingleton<IBuildClusters>(new FakeBuildClusters(cluster));
            configureSilo?.Invoke(silo);
        });
        await app.StartAsync();
        return new JobHost(app, new HttpClient { BaseAddress = new Uri(app.Urls.First()) }, options.OrleansGatewayPort);
    }

    public IProwJobGrain Job(string name) => Grains.GetGrain<IProwJobGrain>(name);

    /// <summary>Waits until the job satisfies <paramref name="condition"/> and returns it.</summary>
    public async Task<ProwJob> WaitForAsync(string name, Func<ProwJob, bool> condition, string what)
    {
        ProwJob? last = null;
        try
        {
            return await Eventually.Until(async () =>
            {
                last = await Job(name).Get();
                return last is not null && condition(last) ? last : null;
            }, TimeSpan.FromSeconds(20), what);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}; job is {(last is null ? "missing" : $"{last.Status.State} ({last.Status.Description})")}", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
