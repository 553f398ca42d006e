namespace Prow.Silo.Adapters.GitHub;

/// <summary>
/// Prow's repeatable <c>--github-endpoint</c>: requests go to the first endpoint; when it cannot be reached
/// (connection failure) the same request is tried against the next one, in order.
/// </summary>
internal sealed class EndpointFallbackHandler(IReadOnlyList<Uri> endpoints) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var primary = endpoints[0].AbsoluteUri;
        var uri = request.RequestUri!.AbsoluteUri;
        if (endpoints.Count == 1 || !uri.StartsWith(primary, StringComparison.Ordinal)) return await base.SendAsync(request, cancellationToken);
        var rest = uri[primary.Length..];
        for (var i = 0; ; i++)
        {
            var attempt = i == 0 ? request : await RequestCloner.CloneAsync(request, cancellationToken);
            attempt.RequestUri = new Uri(endpoints[i].AbsoluteUri + rest);
            try
            {
                return await base.SendAsync(attempt, cancellationToken);
            }
            catch (HttpRequestException) when (i + 1 < endpoints.Count && !cancellationToken.IsCancellationRequested)
            {
                // try the next endpoint
            }
        }
    }
}
