using Prow.Abstractions.Config.Jobs;

namespace Prow.Abstractions.Tests.Config.Jobs;

public sealed class JobRunRulesTests
{
    public static TheoryData<string, Presubmit, string, string[], bool, bool, bool> PresubmitCases => new()
    {
        // case, job, branch, changes, forced, defaults, expected
        { "always_run", new() { AlwaysRun = true }, "main", [], false, false, true },
        { "branch excluded", new() { AlwaysRun = true, Branches = ["main"] }, "dev", [], true, true, false },
        { "forced", new(), "main", [], true, false, true },
        { "run_if_changed matches", new() { RunIfChanged = "^docs/" }, "main", ["docs/a.md", "b.go"], false, false, true },
        { "run_if_changed no match", new() { RunIfChanged = "^docs/" }, "main", ["b.go"], false, false, false },
        { "skip_if_only_changed all match", new() { SkipIfOnlyChanged = @"\.md$" }, "main", ["a.md", "b.md"], false, false, false },
        { "skip_if_only_changed one other", new() { SkipIfOnlyChanged = @"\.md$" }, "main", ["a.md", "b.go"], false, false, true },
        { "explicit trigger only", new(), "main", ["b.go"], false, false, false },
        { "explicit trigger with defaults", new(), "main", ["b.go"], false, true, true },
    };

    [Theory]
    [MemberData(nameof(PresubmitCases))]
    public void Presubmit_ShouldRun_FollowsProw(string scenario, Presubmit job, string branch, string[] changes, bool forced, bool defaults, bool expected)
    {
        Assert.True(expected == job.ShouldRun(branch, () => changes, forced, defaults), scenario);
    }

    public static TheoryData<string, Postsubmit, string, string[], bool> PostsubmitCases => new()
    {
        { "no settings runs", new(), "main", [], true },
        { "always_run false", new() { AlwaysRun = false }, "main", ["a"], false },
        { "run_if_changed decides", new() { AlwaysRun = false, RunIfChanged = "^a" }, "main", ["a"], true },
        { "skip branch", new() { SkipBranches = ["^main$"] }, "main", [], false },
    };

    [Theory]
    [MemberData(nameof(PostsubmitCases))]
    public void Postsubmit_ShouldRun_FollowsProw(string scenario, Postsubmit job, string branch, string[] changes, bool expected)
    {
        Assert.True(expected == job.ShouldRun(branch, () => changes), scenario);
    }

    [Fact]
    public void ChangesAreNotFetched_WhenNoFileMatcher()
    {
        var job = new Presubmit { AlwaysRun = false };

        Assert.False(job.ShouldRun("main", () => throw new InvalidOperationException("fetched"), forced: false, defaults: false));
    }

    [Theory]
    [InlineData("/test job", true)]
    [InlineData("/test all", false)]
    public void TriggerMatches_UsesTheDefaultTrigger(string comment, bool expected)
    {
        var job = new Presubmit { Name = "job", Trigger = JobDefaults.DefaultTriggerFor("job") };

        Assert.Equal(expected, job.TriggerMatches(comment));
    }
}
