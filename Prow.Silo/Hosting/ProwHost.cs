using System.Net;
using Orleans.Dashboard;
using Prow.Abstractions.Config;
using Prow.Gateway.Endpoints;
using Prow.Gateway.Health;
using Prometheus;
using Prow.Grains.Periodics;
using Prow.Grains.Plugins;
using Prow.Grains.Ports;
using Prow.Silo.Adapters.Crier;
using Prow.Silo.Adapters.ExternalPlugins;
using Prow.Silo.Adapters.GitHub;
using Prow.Silo.Configuration;

namespace Prow.Silo.Hosting;

/// <summary>
/// Assembles the all-in-one host: an Orleans silo (localhost clustering, SQLite storage and
/// reminders under the data dir, dashboard) and the gateway's HTTP endpoints on one port.
/// </summary>
public static class ProwHost
{
    public static WebApplication Build(ProwHostOptions options, ConfigSnapshot initialConfig, Action<ISiloBuilder>? configureSilo = null)
    {
        Directory.CreateDirectory(options.DataDir);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = Directory.GetCurrentDirectory() });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            o.UseUtcTimestamp = true;
        });
        builder.Logging.AddFilter("Orleans", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Polly", LogLevel.Warning);

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            var address = options.ListenAddress == "localhost" ? IPAddress.Loopback : IPAddress.Parse(options.ListenAddress);
            kestrel.Listen(address, options.Port);
        });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));

        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(options.SiloPort, options.OrleansGatewayPort);
            silo.AddProwStorage(options);
            silo.AddDashboard();
            configureSilo?.Invoke(silo);
        });

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp => new ConfigWatcher(
            initialConfig, options.Config, options.Strict, options.ConfigPollInterval,
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<ConfigWatcher>>()));
        builder.Services.AddSingleton<IConfigSource>(sp => sp.GetRequiredService<ConfigWatcher>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ConfigWatcher>());
        builder.Services.AddSingleton<IReadinessCheck, HostStartedReadiness>();
        builder.Services.AddHook(options.HmacSecretFile);
        builder.Services.AddProwGitHub(options.GitHub);
        // Crier's github-reporter runs only where GitHub can be written to, as Prow's crier with --github-workers.
        if (options.GitHub.HasCredentials) builder.Services.AddSingleton<IJobReporter, Prow.Grains.Crier.GitHubJobReporter>();
        // Slack and the webhook reporter likewise run only with their credentials / URLs.
        if (options.Slack.HasCredentials) builder.Services.AddSlackReporter(options.Slack);
        if (options.WebhookReporterUrls.Count > 0) builder.Services.AddWebhookReporter(options.WebhookReporter);
        if (options.DeckUrl is { } deckUrl) builder.Services.Configure<Prow.Grains.Jobs.ProwJobOptions>(o => o.DeckUrl = deckUrl);
        builder.Services.AddProwPlugins();
        builder.Services.AddExternalPluginSender();
        builder.Services.AddSingleton<IWorkloadEvents, GrainWorkloadEvents>();
        builder.Services.AddBuildClusters(options, initialConfig.Config);
        builder.Services.AddPeriodics();
        builder.Services.AddSingleton(new DeckOptions { RerunCreatesJob = options.RerunCreatesJob });

        var app = builder.Build();
        LogReporters(app, options, initialConfig.Config);
        app.MapHealthEndpoints();
        app.MapHook();
        app.MapPluginHelp();
        app.MapProwJobs();
        app.MapMetrics();
        app.MapOrleansDashboard("/dashboard");
        app.MapGet("/", () => Results.Text("Prow on Orleans: POST /hook for GitHub webhooks; see /dashboard, /metrics, /healthz, /readyz\n"));
        return app;
    }

    /// <summary>One line naming crier's reporters, and one when Slack is configured but cannot be reported to.</summary>
    private static void LogReporters(WebApplication app, ProwHostOptions options, ProwConfig config)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Prow.Crier");
        List<string> names = [];
        if (options.GitHub.HasCredentials) names.Add(Prow.Grains.Crier.GitHubReport.ReporterName);
        if (options.Slack.HasCredentials) names.Add(Prow.Grains.Crier.SlackReport.ReporterName);
        if (options.WebhookReporterUrls.Count > 0) names.Add(WebhookJobReporter.ReporterName);
        logger.LogInformation("crier reporters: {Reporters}", names.Count == 0 ? "none" : string.Join(", ", names));
        if (config.SlackReporterConfigs is { Count: > 0 } && !options.Slack.HasCredentials)
            logger.LogWarning("slack_reporter_configs is set but the Slack reporter is off: pass --slack-webhook-url-file or --slack-token-file");
    }
}
