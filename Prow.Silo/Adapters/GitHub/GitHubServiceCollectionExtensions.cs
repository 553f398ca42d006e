using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Prow.Grains.Ports;

namespace Prow.Silo.Adapters.GitHub;

public static class GitHubServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IGitHub"/> as a singleton: the Octokit adapter (token file or GitHub App),
    /// wrapped in <see cref="DryRunGitHub"/> with <see cref="GitHubClientOptions.DryRun"/>; without any
    /// credentials, an <see cref="UnconfiguredGitHub"/> that fails every call with how to fix it.
    /// Uses the registered <see cref="TimeProvider"/> (system time when none).
    /// </summary>
    public static IServiceCollection AddProwGitHub(this IServiceCollection services, GitHubClientOptions options)
    {
        services.AddSingleton(sp => new GitHubMetrics(options.MetricsRegistry));
        services.AddSingleton<IGitHub>(sp =>
        {
            if (!options.HasCredentials) return new UnconfiguredGitHub();
            var time = sp.GetService<TimeProvider>() ?? TimeProvider.System;
            var loggers = sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
            var connections = new GitHubConnections(options, time, sp.GetRequiredService<GitHubMetrics>(), loggers);
            IGitHub github = new OctokitGitHub(connections);
            return options.DryRun ? new DryRunGitHub(github, loggers.CreateLogger<DryRunGitHub>(), time) : github;
        });
        return services;
    }
}
