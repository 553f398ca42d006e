using Prow.Abstractions.Config.Jobs;

namespace Prow.Abstractions.Tests.Config.Jobs;

public sealed class GoRegexTests
{
    [Theory]
    [InlineData(@"^docs/", "docs/x.md", true)]
    [InlineData(@"^(?P<dir>[a-z]+)/", "pkg/x.go", true)]
    [InlineData(@"\.go$", "main.py", false)]
    [InlineData(@"(?i)readme", "README.md", true)]
    public void Supported_CompilesAndMatches(string pattern, string input, bool matches)
    {
        Assert.True(GoRegex.TryCompile(pattern, out var regex, out var error), error);
        Assert.Equal(matches, regex!.IsMatch(input));
    }

    [Theory]
    [InlineData(@"^(?!docs/)")]
    [InlineData(@"(?<=a)b")]
    [InlineData(@"(a)\1")]
    [InlineData(@"(unclosed")]
    public void UnsupportedOrInvalid_IsRejected(string pattern)
    {
        Assert.False(GoRegex.TryCompile(pattern, out _, out var error));
        Assert.NotEmpty(error);
    }
}
