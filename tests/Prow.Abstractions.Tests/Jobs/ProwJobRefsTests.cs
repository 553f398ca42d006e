using Prow.Abstractions.GitHub;
using Prow.Abstractions.GitHub.Events;
using Prow.Abstractions.Jobs;

namespace Prow.Abstractions.Tests.Jobs;

public sealed class ProwJobRefsTests
{
    [Fact]
    public void ForPullRequest_BuildsProwsRefsWithLinks()
    {
        var pr = new PullRequest
        {
            Number = 42,
            Title = "Fix it",
            HtmlUrl = "https://github.com/o/r/pull/42",
            User = new User { Login = "octocat", HtmlUrl = "https://github.com/octocat" },
            Head = new PullRequestBranch { Ref = "fix", Sha = "head1" },
            Base = new PullRequestBranch { Ref = "main", Sha = "old", Repo = new Repo { Name = "r", Owner = new User { Login = "o" }, HtmlUrl = "https://github.com/o/r" } },
        };

        var refs = ProwJobRefs.ForPullRequest(pr, "base1");

        Assert.Equal(("o", "r", "https://github.com/o/r", "main", "base1", "https://github.com/o/r/commit/base1"), (refs.Org, refs.Repo, refs.RepoLink, refs.BaseRef, refs.BaseSha, refs.BaseLink));
        var pull = Assert.Single(refs.Pulls!);
        Assert.Equal((42, "octocat", "head1", "fix", "Fix it"), (pull.Number, pull.Author, pull.Sha, pull.HeadRef, pull.Title));
        Assert.Equal(("https://github.com/o/r/pull/42", "https://github.com/octocat", "https://github.com/o/r/pull/42/commits/head1"), (pull.Link, pull.AuthorLink, pull.CommitLink));
    }

    [Fact]
    public void ForPush_UsesTheBranchTheNewHeadAndTheCompareLink()
    {
        var push = new PushEvent
        {
            Ref = "refs/heads/release-1.30",
            After = "after1",
            Compare = "https://github.com/o/r/compare/a...b",
            Repo = new Repo { Name = "r", Owner = new User { Login = "o", Name = "o" }, HtmlUrl = "https://github.com/o/r" },
        };

        var refs = ProwJobRefs.ForPush(push);

        Assert.Equal(("o", "r", "release-1.30", "after1", "https://github.com/o/r/compare/a...b"), (refs.Org, refs.Repo, refs.BaseRef, refs.BaseSha, refs.BaseLink));
        Assert.Null(refs.Pulls);
    }
}
