using Octokit;

namespace Prow.Silo.Adapters.GitHub;

/// <summary>Credentials computed per request (the App's JWT, an org's installation token).</summary>
internal sealed class DelegateCredentialStore(Func<Task<Credentials>> get) : ICredentialStore
{
    public Task<Credentials> GetCredentials() => get();
}
