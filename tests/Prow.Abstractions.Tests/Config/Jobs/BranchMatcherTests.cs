using Prow.Abstractions.Config.Jobs;

namespace Prow.Abstractions.Tests.Config.Jobs;

public sealed class BranchMatcherTests
{
    public static TheoryData<string, string[], string[], string, bool> Cases => new()
    {
        { "no filters", [], [], "anything", true },
        { "branch listed", ["main"], [], "main", true },
        { "branch is a regex", ["^release-.*$"], [], "release-1.30", true },
        { "branch not listed", ["main"], [], "dev", false },
        { "skipped", [], ["^dev$"], "dev", false },
        { "skip wins", ["dev"], ["dev"], "dev", false },
        { "not skipped", [], ["^dev$"], "main", true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ShouldRun_FollowsProwsBrancher(string scenario, string[] branches, string[] skip, string branch, bool expected)
    {
        Assert.True(expected == BranchMatcher.ShouldRun(branches, skip, branch), scenario);
    }

    [Theory]
    [InlineData(new[] { "main" }, new string[0], new[] { "main" }, new string[0], true)]
    [InlineData(new[] { "main" }, new string[0], new[] { "dev" }, new string[0], false)]
    [InlineData(new[] { "main" }, new string[0], new string[0], new[] { "main" }, false)]
    [InlineData(new string[0], new[] { "main" }, new string[0], new[] { "dev" }, true)]
    [InlineData(new string[0], new string[0], new[] { "dev" }, new string[0], true)]
    public void Intersects_FollowsProwsBrancher(string[] branches, string[] skip, string[] otherBranches, string[] otherSkip, bool expected)
    {
        Assert.Equal(expected, BranchMatcher.Intersects(branches, skip, otherBranches, otherSkip));
        Assert.Equal(expected, BranchMatcher.Intersects(otherBranches, otherSkip, branches, skip));
    }
}
