using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Prometheus;
using Prow.Grains.Ports;
using Prow.Silo.Adapters.GitHub;
using Prow.TestSupport;
using Prow.TestSupport.FakeGitHub;

namespace Prow.Silo.Tests.Adapters.GitHub;

/// <summary>A fake GitHub plus the real client registered by <see cref="GitHubServiceCollectionExtensions.AddProwGitHub"/> pointed at it.</summary>
public sealed class GitHubClientHarness : IAsyncDisposable
{
    private readonly TempDirectory _dir = new("prow-github");
    private ServiceProvider? _services;

    private GitHubClientHarness(FakeGitHubServer fake, TimeProvider time)
    {
        Fake = fake;
        Time = time;
        TokenPath = _dir.Write("oauth", "test-token\n");
    }

    public FakeGitHubServer Fake { get; }

    public TimeProvider Time { get; }

    public FakeTimeProvider FakeTime => (FakeTimeProvider)Time;

    public string TokenPath { get; }

    public TempDirectory Dir => _dir;

    public CollectorRegistry Registry { get; } = Prometheus.Metrics.NewCustomRegistry();

    public GitHubMetrics Metrics => _services!.GetRequiredService<GitHubMetrics>();

    /// <summary>Starts the fake; with <paramref name="fakeTime"/> both sides share a <see cref="FakeTimeProvider"/>.</summary>
    public static async Task<GitHubClientHarness> StartAsync(bool fakeTime = false)
    {
        TimeProvider time = fakeTime ? new FakeTimeProvider(DateTimeOffset.UtcNow) : TimeProvider.System;
        var harness = new GitHubClientHarness(await FakeGitHubServer.StartAsync(time), time);
        harness.Fake.AddRepo("org", "repo");
        return harness;
    }

    /// <summary>The client as the host builds it: token auth against the fake unless <paramref name="configure"/> says otherwise.</summary>
    public IGitHub Client(Func<GitHubClientOptions, GitHubClientOptions>? configure = null)
    {
        var options = new GitHubClientOptions
        {
            Endpoints = [Fake.Endpoint],
            TokenPath = TokenPath,
            RetryBaseDelay = TimeSpan.FromMilliseconds(5),
            MetricsRegistry = Registry,
        };
        options = configure?.Invoke(options) ?? options;
        _services?.Dispose();
        var services = new ServiceCollection();
        services.AddSingleton(Time);
        services.AddProwGitHub(options);
        _services = services.BuildServiceProvider();
        return _services.GetRequiredService<IGitHub>();
    }

    public double Requests(string method, string path, int status) => Metrics.Requests.WithLabels(method, path, status.ToString(System.Globalization.CultureInfo.InvariantCulture)).Value;

    public double Waits(string reason) => Metrics.Waits.WithLabels(reason).Value;

    /// <summary>Waits (real time, with a deadline) until the client has started <paramref name="count"/> rate-limit waits, then moves fake time by <paramref name="by"/>.</summary>
    public async Task AdvanceAfterWait(string reason, int count, TimeSpan by)
    {
        await Eventually.Until(() => Waits(reason) >= count, TimeSpan.FromSeconds(10), $"{count} '{reason}' wait(s)");
        FakeTime.Advance(by);
    }

    public async ValueTask DisposeAsync()
    {
        _services?.Dispose();
        await Fake.DisposeAsync();
        _dir.Dispose();
    }
}
