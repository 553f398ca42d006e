namespace Prow.Silo.Adapters;

/// <summary>
/// A secret kept in a file (trimmed), re-read whenever the file's size or modification time changes: the GitHub token,
/// Slack credentials, the webhook reporter's HMAC secret.
/// </summary>
/// <param name="path">The file.</param>
/// <param name="what">How errors name it (e.g. "token file").</param>
public sealed class SecretFile(string path, string what = "secret file")
{
    private readonly Lock _lock = new();
    private (DateTime Modified, long Length) _stamp;
    private string? _value;

    public string Path { get; } = path;

    /// <summary>The current secret. Throws <see cref="IOException"/> when the file is missing or empty.</summary>
    public string Read()
    {
        var info = new FileInfo(Path);
        if (!info.Exists) throw new FileNotFoundException($"{what} {Path} not found", Path);
        var stamp = (info.LastWriteTimeUtc, info.Length);
        lock (_lock)
        {
            if (_value is null || stamp != _stamp)
            {
                var value = File.ReadAllText(Path).Trim();
                if (value.Length == 0) throw new IOException($"{what} {Path} is empty");
                _value = value;
                _stamp = stamp;
            }
            return _value;
        }
    }
}
