using System.Net;

namespace Prow.Grains.Ports;

/// <summary>A GitHub API call failed: the status code (0 when no response), the endpoint and GitHub's message.</summary>
public class GitHubException(HttpStatusCode statusCode, string endpoint, string message, Exception? inner = null)
    : Exception($"GitHub {(int)statusCode} on {endpoint}: {message}", inner)
{
    public HttpStatusCode StatusCode { get; } = statusCode;

    public string Endpoint { get; } = endpoint;

    public bool IsNotFound => StatusCode == HttpStatusCode.NotFound;
}
