using System.Net;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using Microsoft.Extensions.Logging;
using Prow.Grains.Ports;

namespace Prow.Silo.Adapters.Kubernetes;

/// <summary>
/// Runs API server calls for the build cluster adapters: transient failures (5xx, 408, 429, timeouts,
/// broken connections) are retried with backoff and end as a transient <see cref="BuildClusterException"/>;
/// any other answer propagates as the client's <see cref="HttpOperationException"/> so the caller can
/// handle 404/409, and <see cref="Refused"/> turns the rest into a permanent failure.
/// </summary>
internal sealed class KubernetesCalls(KubernetesRetryOptions options, TimeProvider time, ILogger logger)
{
    public async Task<T> RunAsync<T>(string what, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var backoff = options.InitialBackoff;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsTransient(ex, cancellationToken))
            {
                if (attempt >= Math.Max(1, options.Attempts))
                    throw new BuildClusterException($"{what}: {Describe(ex)} (gave up after {attempt} attempts)", permanent: false, ex);
                logger.LogWarning("{What} failed (attempt {Attempt}): {Error}; retrying in {Backoff}", what, attempt, Describe(ex), backoff);
                if (backoff > TimeSpan.Zero) await Task.Delay(backoff, time, cancellationToken).ConfigureAwait(false);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, options.MaxBackoff.Ticks));
            }
        }
    }

    public Task RunAsync(string what, Func<CancellationToken, Task> call, CancellationToken cancellationToken) =>
        RunAsync<bool>(what, async ct =>
        {
            await call(ct).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    /// <summary>The HTTP status of a failed call, or null when it did not get an answer.</summary>
    public static HttpStatusCode? StatusOf(Exception ex) => ex is HttpOperationException { Response: { } response } ? response.StatusCode : null;

    public static bool IsTransient(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        HttpOperationException => StatusOf(ex) is not { } status || (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests,
        HttpRequestException or IOException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested, // the client's timeout, not ours
        _ => false,
    };

    /// <summary>
    /// The cluster refused the request (a 4xx that is not handled): permanent, as Prow's plank treats
    /// request errors — retrying the same object cannot succeed.
    /// </summary>
    public static BuildClusterException Refused(string what, HttpOperationException ex) =>
        new($"{what}: {Describe(ex)}", permanent: (int?)StatusOf(ex) is >= 400 and < 500, ex);

    /// <summary>The API server's Status message when there is one, else the HTTP status.</summary>
    public static string Describe(Exception ex)
    {
        if (ex is not HttpOperationException { Response: { } response }) return ex.Message;
        try
        {
            var status = KubernetesJson.Deserialize<k8s.Models.V1Status>(response.Content ?? "");
            if (!string.IsNullOrEmpty(status?.Message)) return status.Message;
        }
        catch (JsonException)
        {
            // not a Status body
        }
        return $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd();
    }
}
