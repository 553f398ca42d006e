using Prow.Abstractions.Config;

namespace Prow.Abstractions.Tests.Config;

public sealed class ProwIgnoreTests
{
    public static TheoryData<string, string, string, bool, bool?> Cases => new()
    {
        // rules, path, is directory, expected
        { "default.yaml", "default.yaml", "default.yaml", false, true },
        { "name anywhere", "default.yaml", "sub/default.yaml", false, true },
        { "other name", "default.yaml", "jobs.yaml", false, null },
        { "glob", "*-gen.yaml", "x/capi-gen.yaml", false, true },
        { "anchored", "/top.yaml", "sub/top.yaml", false, null },
        { "anchored at root", "/top.yaml", "top.yaml", false, true },
        { "directory rule on a file", "generated/", "generated", false, null },
        { "directory rule on the directory", "generated/", "generated", true, true },
        { "file inside an ignored directory", "generated/", "generated/a.yaml", false, true },
        { "negation", "*.yaml\n!keep.yaml", "keep.yaml", false, false },
        { "double star", "a/**/b.yaml", "a/x/y/b.yaml", false, true },
        { "comment and blank", "# default.yaml\n\n", "default.yaml", false, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Match_FollowsGitignoreRules(string scenario, string rules, string path, bool isDirectory, bool? expected)
    {
        Assert.True(expected == ProwIgnore.Parse(rules).Match(path, isDirectory), scenario);
    }
}
