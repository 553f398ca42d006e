using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Prow.Grains.Plugins;
using Prow.Grains.Webhooks;
using Prow.Silo.Tests.Jobs;
using Prow.TestSupport;
using FakeGitHub = Prow.TestSupport.FakeGitHub;

namespace Prow.Silo.Tests.Gateway;

/// <summary>
/// A <see cref="JobHost"/> set up for webhook tests: plugins enabled for the orgs of the example payloads, an HMAC
/// secret, short inbox retry periods, and (without a fake GitHub) a recording dispatcher instead of the plugins.
/// </summary>
public sealed class HookHost : IAsyncDisposable
{
    public const string Secret = "test-secret";

    private readonly JobHost _host;

    private HookHost(JobHost host, RecordingDispatcher dispatcher)
    {
        _host = host;
        Dispatcher = dispatcher;
    }

    public WebApplication App => _host.App;
    public RecordingDispatcher Dispatcher { get; }
    public HttpClient Http => _host.Http;
    public IGrainFactory Grains => _host.Grains;

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
        var recorder = dispatcher ?? new RecordingDispatcher();
        var host = await JobHost.StartAsync(dir, cluster: null, github: github, pluginsYaml: PluginsYaml, hmacSecret: hmac ?? Secret, dataDir: dataDir,
            configureSilo: silo =>
            {
                silo.Services.Configure<InboxOptions>(o =>
                {
                    o.ResumePeriod = TimeSpan.FromSeconds(1);
                    o.RetryBaseDelay = TimeSpan.FromMilliseconds(100);
                });
                if (github is null) silo.Services.AddSingleton<IPluginDispatcher>(recorder);
                configureSilo?.Invoke(silo);
            });
        return new HookHost(host, recorder);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
