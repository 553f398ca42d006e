using Octokit;

namespace Prow.Silo.Adapters.GitHub;

/// <summary>Reads the token file (trimmed) and re-reads it whenever its size or modification time changes.</summary>
internal sealed class TokenFileCredentialStore(string path) : ICredentialStore
{
    private readonly Lock _lock = new();
    private (DateTime Modified, long Length) _stamp;
    private Credentials? _credentials;

    public Task<Credentials> GetCredentials()
    {
        var info = new FileInfo(path);
        if (!info.Exists) throw new GitHubCredentialsException($"token file {path} not found");
        var stamp = (info.LastWriteTimeUtc, info.Length);
        lock (_lock)
        {
            if (_credentials is null || stamp != _stamp)
            {
                var token = File.ReadAllText(path).Trim();
                if (token.Length == 0) throw new GitHubCredentialsException($"token file {path} is empty");
                _credentials = new Credentials(token);
                _stamp = stamp;
            }
            return Task.FromResult(_credentials);
        }
    }
}
