using System.Net;

namespace Prow.Silo.Adapters.GitHub;

/// <summary>Reports a token that GitHub answered 401 to (a revoked installation token), so the next request mints a new one.</summary>
internal sealed class RejectedCredentialHandler(Action<string> rejected) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized
            && request.Headers.Authorization is { Scheme: var scheme, Parameter: { Length: > 0 } token }
            && string.Equals(scheme, "token", StringComparison.OrdinalIgnoreCase))
        {
            rejected(token);
        }
        return response;
    }
}
