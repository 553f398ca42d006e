namespace Prow.Abstractions.Repos;

/// <summary>Identifies a repository: <c>org/repo</c>.</summary>
[GenerateSerializer]
[Immutable]
[Alias("prow.RepoKey")]
public readonly record struct RepoKey([property: Id(0)] string Org, [property: Id(1)] string Repo)
{
    public override string ToString() => $"{Org}/{Repo}";

    public static RepoKey Parse(string key)
    {
        var slash = key.IndexOf('/');
        if (slash <= 0 || slash == key.Length - 1 || key.IndexOf('/', slash + 1) >= 0)
            throw new FormatException($"invalid repository key \"{key}\": expected org/repo");
        return new RepoKey(key[..slash], key[(slash + 1)..]);
    }
}
