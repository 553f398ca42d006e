using System.Net;
using System.Runtime.CompilerServices;
using k8s;
using k8s.Autorest;

namespace Prow.Silo.Adapters.Kubernetes;

internal static class WatchErrors
{
    /// <summary>
    /// The items of a watch, with 410 Gone — as an answer to the request or as an ERROR event the client
    /// reports through <paramref name="reported"/> — thrown as <see cref="WatchExpiredException"/>.
    /// </summary>
    public static async IAsyncEnumerable<T> Translate<T>(IAsyncEnumerable<T> source, Func<Exception?> reported,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var items = source.WithCancellation(cancellationToken).ConfigureAwait(false).GetAsyncEnumerator();
        while (true)
        {
            bool more;
            try
            {
                more = await items.MoveNextAsync();
            }
            catch (HttpOperationException ex) when (ex.Response?.StatusCode == HttpStatusCode.Gone)
            {
                throw new WatchExpiredException($"watch expired: {KubernetesCalls.Describe(ex)}", ex);
            }
            Throw(reported());
            if (!more) yield break;
            yield return items.Current;
        }
    }

    private static void Throw(Exception? error)
    {
        switch (error)
        {
            case null:
                return;
            case KubernetesException { Status.Code: 410 }:
                throw new WatchExpiredException($"watch expired: {error.Message}", error);
            default:
                throw new IOException($"watch failed: {error.Message}", error);
        }
    }
}
