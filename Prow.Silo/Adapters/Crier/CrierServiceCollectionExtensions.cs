using Prow.Grains.Crier;
using Prow.Grains.Ports;

namespace Prow.Silo.Adapters.Crier;

public static class CrierServiceCollectionExtensions
{
    /// <summary>Registers crier's Slack reporter, posting through <see cref="HttpSlackClient"/>.</summary>
    public static IServiceCollection AddSlackReporter(this IServiceCollection services, SlackClientOptions options)
    {
        services.AddHttpClient(HttpSlackClient.HttpClientName, c => c.Timeout = options.Timeout);
        services.AddSingleton(options);
        services.AddSingleton<ISlackClient, HttpSlackClient>();
        services.AddSingleton<IJobReporter, SlackJobReporter>();
        return services;
    }

    /// <summary>Registers the generic HTTP webhook reporter.</summary>
    public static IServiceCollection AddWebhookReporter(this IServiceCollection services, WebhookReporterOptions options)
    {
        services.AddHttpClient(WebhookJobReporter.HttpClientName, c => c.Timeout = options.Timeout);
        services.AddSingleton<IJobReporter>(sp => new WebhookJobReporter(sp.GetRequiredService<IHttpClientFactory>(), options, sp.GetRequiredService<ILogger<WebhookJobReporter>>()));
        return services;
    }
}
