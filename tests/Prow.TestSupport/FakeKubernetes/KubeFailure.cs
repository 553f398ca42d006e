namespace Prow.TestSupport.FakeKubernetes;

/// <summary>An injected failure: the next <see cref="Remaining"/> requests matching method and path answer <see cref="Status"/>.</summary>
internal sealed class KubeFailure(string? method, string path, int count, int status, string reason, string message)
{
    public int Remaining { get; set; } = count;
    public int Status { get; } = status;
    public string Reason { get; } = reason;
    public string Message { get; } = message;

    public bool Matches(string requestMethod, string requestPath) =>
        Remaining > 0 && (method is null || string.Equals(method, requestMethod, StringComparison.OrdinalIgnoreCase))
        && (path.EndsWith('*') ? requestPath.StartsWith(path[..^1], StringComparison.Ordinal) : requestPath == path);
}
