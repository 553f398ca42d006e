using System.Security.Cryptography;
using System.Text;
using Prow.Abstractions.Config;
using Prow.Abstractions.Config.Yaml;

namespace Prow.Silo.Configuration;

/// <summary>
/// Keeps the configuration in force in step with the files: file-system notifications and a
/// periodic fingerprint poll (which also catches Kubernetes ConfigMap symlink swaps and network
/// file systems that send no notifications) trigger a reload; the new configuration is validated
/// and swapped in atomically, or logged with its errors while the old one stays in force.
/// </summary>
public sealed class ConfigWatcher : BackgroundService, IConfigSource
{
    private readonly ConfigPaths _paths;
    private readonly bool _strict;
    private readonly TimeSpan _pollInterval;
    private readonly TimeProvider _time;
    private readonly ILogger<ConfigWatcher> _logger;
    private readonly SemaphoreSlim _reloadLock = new(1, 1);
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly SemaphoreSlim _nudge = new(0, int.MaxValue);
    private ConfigSnapshot _current;
    private string _fingerprint;

    public ConfigWatcher(ConfigSnapshot initial, ConfigPaths paths, bool strict, TimeSpan pollInterval, TimeProvider time, ILogger<ConfigWatcher> logger)
    {
        _current = initial;
        _paths = paths;
        _strict = strict;
        _pollInterval = pollInterval;
        _time = time;
        _logger = logger;
        _fingerprint = Fingerprint(paths);
    }

    public ConfigSnapshot Current => Volatile.Read(ref _current);

    public event Action<ConfigSnapshot>? Changed;

    /// <summary>Raised when changed files were rejected; carries the errors. The old configuration stays in force.</summary>
    public event Action<IReadOnlyList<ConfigDiagnostic>>? Rejected;

    /// <summary>
    /// Reloads if the files differ from the last load. Returns the load result, or null when nothing changed.
    /// </summary>
    public async Task<ConfigLoadResult?> CheckNowAsync(CancellationToken cancellationToken = default)
    {
        await _reloadLock.WaitAsync(cancellationToken);
        try
        {
            var fingerprint = Fingerprint(_paths);
            if (fingerprint == _fingerprint) return null;
            _fingerprint = fingerprint;

            var result = ConfigLoader.Load(_paths, _strict, _time.GetUtcNow());
            if (result.Snapshot is null)
            {
                var errors = result.Errors.ToList();
                _logger.LogError("Configuration change rejected ({Count} errors); the previous configuration stays in force:{NewLine}{Errors}",
                    errors.Count, Environment.NewLine, string.Join(Environment.NewLine, errors));
                Rejected?.Invoke(errors);
                return result;
            }

            var next = new ConfigSnapshot(result.Snapshot.Config, result.Snapshot.Plugins, result.Snapshot.Warnings, result.Snapshot.LoadedAt)
            {
                Generation = Current.Generation + 1,
            };
            Volatile.Write(ref _current, next);
            foreach (var warning in next.Warnings) _logger.LogWarning("{Diagnostic}", warning);
            _logger.LogInformation("Configuration reloaded (generation {Generation})", next.Generation);
            Changed?.Invoke(next);
            return result;
        }
        finally
        {
            _reloadLock.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        StartFileWatchers();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Wake on a file notification or when the poll interval has passed.
                using var pollDue = new CancellationTokenSource(_pollInterval, _time);
                using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, pollDue.Token);
                try
                {
                    await _nudge.WaitAsync(wake.Token);
                    // Let an editor or a ConfigMap update finish writing all files before reading them.
                    await Task.Delay(TimeSpan.FromMilliseconds(200), _time, stoppingToken);
                    while (_nudge.CurrentCount > 0) await _nudge.WaitAsync(stoppingToken);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    // poll interval elapsed
                }
                await CheckNowAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "Configuration reload failed unexpectedly; the previous configuration stays in force");
            }
        }
    }

    public override void Dispose()
    {
        foreach (var watcher in _watchers) watcher.Dispose();
        _reloadLock.Dispose();
        _nudge.Dispose();
        base.Dispose();
    }

    private void StartFileWatchers()
    {
        foreach (var path in _paths.All())
        {
            var isDirectory = Directory.Exists(path);
            var directory = isDirectory ? path : Path.GetDirectoryName(Path.GetFullPath(path));
            if (directory is null || !Directory.Exists(directory)) continue;
            try
            {
                var watcher = new FileSystemWatcher(directory)
                {
                    IncludeSubdirectories = isDirectory,
                    NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
                };
                watcher.Changed += (_, _) => _nudge.Release();
                watcher.Created += (_, _) => _nudge.Release();
                watcher.Deleted += (_, _) => _nudge.Release();
                watcher.Renamed += (_, _) => _nudge.Release();
                watcher.EnableRaisingEvents = true;
                _watchers.Add(watcher);
            }
            catch (Exception ex) when (ex is IOException or ArgumentException or PlatformNotSupportedException)
            {
                _logger.LogWarning("Cannot watch {Directory} for changes ({Message}); relying on polling every {Interval}", directory, ex.Message, _pollInterval);
            }
        }
    }

    /// <summary>A hash of the content of every configuration file, so a touch without a change does not reload.</summary>
    internal static string Fingerprint(ConfigPaths paths)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var root in paths.All())
        {
            IEnumerable<string> files = Directory.Exists(root)
                ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                    .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
                    .Order(StringComparer.Ordinal)
                : [root];
            foreach (var file in files)
            {
                hash.AppendData(Encoding.UTF8.GetBytes(file));
                try
                {
                    hash.AppendData(File.ReadAllBytes(file));
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    hash.AppendData(Encoding.UTF8.GetBytes("<unreadable:" + ex.GetType().Name + ">"));
                }
            }
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
