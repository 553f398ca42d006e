namespace Prow.Silo.Adapters.GitHub;

/// <summary>
/// Carries the caller's cancellation token into the HTTP handlers. Octokit's PUT, PATCH and DELETE
/// overloads take no token, so the adapter sets it here and the outermost handler links it in.
/// </summary>
internal static class AmbientCancellation
{
    private static readonly AsyncLocal<CancellationToken> Current = new();

    public static CancellationToken Token => Current.Value;

    public static IDisposable Use(CancellationToken token)
    {
        var previous = Current.Value;
        Current.Value = token;
        return new Restore(previous);
    }

    private sealed class Restore(CancellationToken previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
