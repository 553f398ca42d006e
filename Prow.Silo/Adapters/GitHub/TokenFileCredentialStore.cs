using Octokit;

namespace Prow.Silo.Adapters.GitHub;

/// <summary>The token file (<c>--github-token-path</c>) as Octokit credentials, re-read whenever the file changes.</summary>
internal sealed class TokenFileCredentialStore(string path) : ICredentialStore
{
    private readonly SecretFile _file = new(path, "token file");
    private (string Token, Credentials Credentials)? _current;

    public Task<Credentials> GetCredentials()
    {
        string token;
        try
        {
            token = _file.Read();
        }
        catch (IOException ex)
        {
            throw new GitHubCredentialsException(ex.Message, ex);
        }
        if (_current is not { } current || current.Token != token) _current = current = (token, new Credentials(token));
        return Task.FromResult(current.Credentials);
    }
}
