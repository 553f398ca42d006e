using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Prow.Abstractions.Config;
using Prow.Abstractions.Config.Yaml;
using Prow.Silo.Configuration;
using Prow.TestSupport;

namespace Prow.Silo.Tests.Configuration;

public sealed class ConfigWatcherTests : IDisposable
{
    private const string GoodJobs = """
        periodics:
        - name: nightly
          interval: 24h
          spec: {containers: [{image: alpine}]}
        """;

    private readonly TempDirectory _dir = new();
    private readonly ConfigPaths _paths;

    public ConfigWatcherTests()
    {
        _paths = new ConfigPaths(_dir.Write("config.yaml", "prowjob_namespace: prow\n"), Path.GetDirectoryName(_dir.Write("jobs/jobs.yaml", GoodJobs)));
    }

    public void Dispose() => _dir.Dispose();

    private ConfigWatcher NewWatcher(TimeSpan? poll = null, TimeProvider? time = null)
    {
        var initial = ConfigLoader.Load(_paths, strict: false, DateTimeOffset.UnixEpoch);
        Assert.True(initial.Succeeded, string.Join("\n", initial.Diagnostics));
        return new ConfigWatcher(initial.Snapshot!, _paths, strict: false, poll ?? TimeSpan.FromHours(1), time ?? new FakeTimeProvider(), NullLogger<ConfigWatcher>.Instance);
    }

    [Fact]
    public async Task CheckNow_UnchangedFiles_DoesNotReload()
    {
        using var watcher = NewWatcher();
        File.SetLastWriteTimeUtc(_paths.ConfigPath, DateTime.UtcNow.AddMinutes(1)); // touched, same content
        Assert.Null(await watcher.CheckNowAsync());
        Assert.Equal(1, watcher.Current.Generation);
    }

    [Fact]
    public async Task CheckNow_ValidChange_SwapsInNewSnapshot()
    {
        using var watcher = NewWatcher();
        ConfigSnapshot? announced = null;
        watcher.Changed += s => announced = s;
        _dir.Write("jobs/more.yaml", GoodJobs.Replace("nightly", "weekly"));

        var result = await watcher.CheckNowAsync();

        Assert.True(result?.Succeeded);
        Assert.Same(watcher.Current, announced);
        Assert.Equal(2, watcher.Current.Generation);
        Assert.Equal(2, watcher.Current.Config.Periodics.Count);
    }

    [Fact]
    public async Task CheckNow_InvalidChange_KeepsOldConfigAndReportsErrors()
    {
        using var watcher = NewWatcher();
        var before = watcher.Current;
        IReadOnlyList<ConfigDiagnostic>? rejected = null;
        watcher.Rejected += errors => rejected = errors;
        var bad = _dir.Write("jobs/bad.yaml", "periodics:\n- name: broken\n  cron: 'not a cron'\n  spec: {containers: [{image: alpine}]}\n");

        var result = await watcher.CheckNowAsync();

        Assert.False(result?.Succeeded);
        Assert.Same(before, watcher.Current);
        Assert.Contains(rejected!, d => d.File == bad && d.Severity == DiagnosticSeverity.Error);

        // Fixing the file is picked up on the next check.
        File.Delete(bad);
        Assert.True((await watcher.CheckNowAsync())?.Succeeded);
        Assert.Equal(2, watcher.Current.Generation);
    }

    [Fact]
    public async Task CheckNow_UnparsableYaml_KeepsOldConfig()
    {
        using var watcher = NewWatcher();
        var before = watcher.Current;
        File.WriteAllText(_paths.ConfigPath, "prowjob_namespace: [unclosed\n");
        Assert.False((await watcher.CheckNowAsync())?.Succeeded);
        Assert.Same(before, watcher.Current);
    }

    [Fact]
    public async Task Running_FileEdited_ReloadsWithoutBeingAsked()
    {
        using var watcher = NewWatcher(poll: TimeSpan.FromSeconds(2), time: TimeProvider.System);
        var changed = new TaskCompletionSource<ConfigSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        watcher.Changed += s => changed.TrySetResult(s);
        using var cts = new CancellationTokenSource();
        await watcher.StartAsync(cts.Token);
        try
        {
            _dir.Write("jobs/more.yaml", GoodJobs.Replace("nightly", "weekly"));
            var snapshot = await changed.Task.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(2, snapshot.Config.Periodics.Count);
        }
        finally
        {
            await watcher.StopAsync(CancellationToken.None);
        }
    }
}
