using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Prow.Abstractions.Config;
using Prow.Grains.Plugins;
using Prow.Grains.Webhooks;
using Prow.Silo.Hosting;
using Prow.TestSupport;
using FakeGitHub = Prow.TestSupport.FakeGitHub;

namespace Prow.Silo.Tests.Gateway;

/// <summary>An all-in-one host for webhook tests: plugins enabled for org/repo, an HMAC secret, a recording dispatcher.</summary>
public sealed class HookHost : IAsyncDisposable
{
    public const string Secret = "test-secret";

    private HookHost(WebApplication app, RecordingDispatcher dispatcher, HttpClient http)
    {
        App = app;
        Dispatcher = dispatcher;
        Http = http;
    }

    public WebApplication App { get; }
    public RecordingDispatcher Dispatcher { get; }
    public HttpClient Http { get; }
    public IGrainFactory Grains => App.Services.GetRequiredService<IGrainFactory>();

    /// <summary>Plugins config enabling a plugin for the orgs of the example payloads (Codertocat, octo-org).</summary>
    public static string PluginsYaml => """
        plugins:
          Codertocat:
            plugins: [hold]
          octo-org:
            plugins: [hold]
        """;

    /// <summary>
    /// Starts the host. With <paramref name="github"/> the real plugin pipeline runs against that fake
    /// GitHub (token auth); otherwise plugins are replaced by <paramref name="dispatcher"/> (a recorder by default).
    /// </summary>
    public static async Task<HookHost> StartAsync(TempDirectory dir, RecordingDispatcher? dispatcher = null, string? dataDir = null, string? hmac = null,
        FakeGitHub.FakeGitHubServer? github = null, Action<ISiloBuilder>? configureSilo = null)
    {
        dispatcher ??= new RecordingDispatcher();
        var options = new ProwHostOptions
        {
            Config = new ConfigPaths(dir.Write("config/config.yaml", "prowjob_namespace: prow\n"), null, dir.Write("config/plugins.yaml", PluginsYaml)),
            Port = 0,
            ListenAddress = "127.0.0.1",
            DataDir = dataDir ?? dir.Combine("data"),
            SiloPort = FreePorts.Next(),
            OrleansGatewayPort = FreePorts.Next(),
            HmacSecretFile = dir.Write("hmac", hmac ?? Secret),
            GitHubEndpoints = github is null ? ["https://api.github.com"] : [github.Endpoint],
            GitHubTokenPath = github is null ? null : dir.Write("oauth", "e2e-token\n"),
        };
        var load = ConfigLoader.Load(options.Config, strict: false, DateTimeOffset.UtcNow);
        Assert.True(load.Succeeded, string.Join("\n", load.Diagnostics));
        var app = ProwHost.Build(options, load.Snapshot!, silo =>
        {
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromMilliseconds(500));
            silo.Services.Configure<InboxOptions>(o =>
            {
                o.ResumePeriod = TimeSpan.FromSeconds(1);
                o.RetryBaseDelay = TimeSpan.FromMilliseconds(100);
            });
            if (github is null) silo.Services.AddSingleton<IPluginDispatcher>(dispatcher);
            configureSilo?.Invoke(silo);
        });
        await app.StartAsync();
        return new HookHost(app, dispatcher, new HttpClient { BaseAddress = new Uri(app.Urls.First()) });
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
