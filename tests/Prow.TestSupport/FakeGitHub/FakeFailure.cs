namespace Prow.TestSupport.FakeGitHub;

/// <summary>An injected failure: the next <see cref="Remaining"/> requests matching method and path answer <see cref="Status"/>.</summary>
internal sealed class FakeFailure(string? method, string path, int count, int status, TimeSpan? retryAfter, string message)
{
    public string? Method { get; } = method;
    public string Path { get; } = path;
    public int Remaining { get; set; } = count;
    public int Status { get; } = status;
    public TimeSpan? RetryAfter { get; } = retryAfter;
    public string Message { get; } = message;

    public bool Matches(string requestMethod, string requestPath) =>
        Remaining > 0 && (Method is null || string.Equals(Method, requestMethod, StringComparison.OrdinalIgnoreCase))
        && (Path.EndsWith('*') ? requestPath.StartsWith(Path[..^1], StringComparison.Ordinal) : requestPath == Path);
}
