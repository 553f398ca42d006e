using Microsoft.Extensions.Logging;

namespace Prow.Gateway.Webhooks;

/// <summary>
/// Serves the current <see cref="HmacSecrets"/> from <c>--hmac-secret-file</c>, re-reading the file
/// when it changes (checked at most once a second). A changed file that does not parse is logged
/// and the previous secrets stay in force.
/// </summary>
public sealed class HmacSecretStore
{
    private readonly string? _path;
    private readonly TimeProvider _time;
    private readonly ILogger<HmacSecretStore> _logger;
    private readonly Lock _lock = new();
    private HmacSecrets? _secrets;
    private (DateTime Modified, long Length) _version;
    private long _nextCheckTicks;

    /// <summary>With a null path no secret is configured and every delivery is refused.</summary>
    public HmacSecretStore(string? path, TimeProvider time, ILogger<HmacSecretStore> logger)
    {
        _path = path;
        _time = time;
        _logger = logger;
        if (path is not null)
        {
            _secrets = HmacSecrets.Parse(File.ReadAllText(path), path);
            _version = Version(path);
        }
    }

    public HmacSecrets? Current
    {
        get
        {
            if (_path is null) return null;
            var now = _time.GetTimestamp();
            if (now < Interlocked.Read(ref _nextCheckTicks)) return _secrets;
            lock (_lock)
            {
                Interlocked.Exchange(ref _nextCheckTicks, now + _time.TimestampFrequency);
                try
                {
                    var version = Version(_path);
                    if (version != _version)
                    {
                        _secrets = HmacSecrets.Parse(File.ReadAllText(_path), _path);
                        _version = version;
                        _logger.LogInformation("Reloaded HMAC secrets from {Path} ({Count} scopes)", _path, _secrets.Scopes.Count);
                    }
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
                {
                    _logger.LogError("Cannot reload HMAC secrets from {Path}: {Message}; keeping the previous secrets", _path, ex.Message);
                }
                return _secrets;
            }
        }
    }

    private static (DateTime, long) Version(string path)
    {
        var info = new FileInfo(path);
        return (info.LastWriteTimeUtc, info.Exists ? info.Length : -1);
    }
}
