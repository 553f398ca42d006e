using Prow.Abstractions.GitHub;
using Prow.Abstractions.GitHub.Events;

namespace Prow.Abstractions.Jobs;

/// <summary>The refs Prow builds from GitHub objects for the jobs it triggers.</summary>
public static class ProwJobRefs
{
    /// <summary>
    /// Prow's pjutil createRefs: the pull request's base repository at <paramref name="baseSha"/>
    /// with the pull request's head as the one pull, and GitHub links for Deck and reports.
    /// </summary>
    /// <param name="org">The org when the pull request's base repository does not name it (the event's org).</param>
    /// <param name="repoName">The repository when the pull request's base repository does not name it.</param>
    public static Refs ForPullRequest(PullRequest pr, string baseSha, string? org = null, string? repoName = null)
    {
        var repo = pr.Base.Repo ?? new Repo();
        var owner = repo.Owner.Login.Length > 0 ? repo.Owner.Login : org ?? "";
        var name = repo.Name.Length > 0 ? repo.Name : repoName ?? "";
        var repoLink = repo.HtmlUrl ?? (owner.Length > 0 && name.Length > 0 ? $"https://github.com/{owner}/{name}" : "");
        return new Refs
        {
            Org = owner,
            Repo = name,
            RepoLink = repoLink,
            BaseRef = pr.Base.Ref,
            BaseSha = baseSha,
            BaseLink = $"{repoLink}/commit/{baseSha}",
            Pulls =
            [
                new Pull
                {
                    Number = pr.Number,
                    Author = pr.User.Login,
                    Sha = pr.Head.Sha,
                    HeadRef = pr.Head.Ref,
                    Title = pr.Title,
                    Link = pr.HtmlUrl ?? "",
                    AuthorLink = pr.User.HtmlUrl ?? "",
                    CommitLink = $"{repoLink}/pull/{pr.Number}/commits/{pr.Head.Sha}",
                },
            ],
        };
    }

    /// <summary>
    /// trigger's createRefs for a push: the pushed branch at the new head, linked to the compare
    /// view. The org is the owner's name as in push payloads (its login when the name is absent).
    /// </summary>
    public static Refs ForPush(PushEvent push) => new()
    {
        Org = string.IsNullOrEmpty(push.Repo.Owner.Name) ? push.Repo.Owner.Login : push.Repo.Owner.Name,
        Repo = push.Repo.Name,
        RepoLink = push.Repo.HtmlUrl ?? "",
        BaseRef = push.Branch,
        BaseSha = push.After,
        BaseLink = push.Compare ?? "",
    };
}
