using System.Net;
using Octokit;
using Polly.Timeout;
using Prow.Grains.Ports;

namespace Prow.Silo.Adapters.GitHub;

/// <summary>Runs one Octokit call and turns its failures into <see cref="GitHubException"/> (status, endpoint, GitHub's message).</summary>
internal static class GitHubCalls
{
    public static Uri Relative(string path) => new(path, UriKind.Relative);

    public static async Task<T> Run<T>(string endpoint, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (GitHubException)
        {
            throw;
        }
        catch (ApiException ex)
        {
            var message = string.IsNullOrEmpty(ex.ApiError?.Message) ? ex.Message : ex.ApiError.Message;
            throw new GitHubException(ex.StatusCode, endpoint, message, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new GitHubException(ex.StatusCode ?? 0, endpoint, $"request failed: {ex.Message}", ex);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new GitHubException(0, endpoint, $"timed out: {ex.Message}", ex);
        }
        catch (TaskCanceledException ex) when (!AmbientCancellation.Token.IsCancellationRequested)
        {
            throw new GitHubException(0, endpoint, "timed out", ex);
        }
    }

    /// <summary>The response body, or <c>default</c> when GitHub answers 404.</summary>
    public static async Task<T?> GetOrDefault<T>(Func<Task<IApiResponse<T>>> call, string endpoint)
    {
        try
        {
            return (await Run(endpoint, call)).Body;
        }
        catch (GitHubException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return default;
        }
    }
}
