namespace Prow.Silo.Adapters.GitHub;

/// <summary>A 200 answer to a GET, kept to answer a later 304: its ETag, body and headers.</summary>
internal sealed record CachedResponse(
    string ETag,
    byte[] Body,
    IReadOnlyList<KeyValuePair<string, IEnumerable<string>>> Headers,
    IReadOnlyList<KeyValuePair<string, IEnumerable<string>>> ContentHeaders);
