using System.Globalization;

namespace Prow.Abstractions.PullRequests;

/// <summary>
/// Identifies a pull request or issue: <c>org/repo#123</c>. GitHub numbers issues and pull
/// requests in one sequence per repository, so one key names either.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("prow.PullRequestKey")]
public readonly record struct PullRequestKey([property: Id(0)] string Org, [property: Id(1)] string Repo, [property: Id(2)] int Number)
{
    public string FullRepo => $"{Org}/{Repo}";

    public override string ToString() => $"{Org}/{Repo}#{Number.ToString(CultureInfo.InvariantCulture)}";

    public static PullRequestKey Parse(string key) =>
        TryParse(key, out var parsed) ? parsed : throw new FormatException($"invalid pull request key \"{key}\": expected org/repo#number");

    public static bool TryParse(string? key, out PullRequestKey parsed)
    {
        parsed = default;
        if (string.IsNullOrEmpty(key)) return false;
        var hash = key.LastIndexOf('#');
        var slash = key.IndexOf('/');
        if (hash < 0 || slash <= 0 || slash > hash - 2) return false;
        if (!int.TryParse(key.AsSpan(hash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number <= 0) return false;
        parsed = new PullRequestKey(key[..slash], key[(slash + 1)..hash], number);
        return true;
    }
}
