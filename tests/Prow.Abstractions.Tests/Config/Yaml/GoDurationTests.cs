using Prow.Abstractions.Config.Yaml;

namespace Prow.Abstractions.Tests.Config.Yaml;

public sealed class GoDurationTests
{
    public static TheoryData<string, double> Valid => new()
    {
        { "0", 0 },
        { "30m", 30 * 60 },
        { "48h", 48 * 3600 },
        { "1h30m", 5400 },
        { "1.5h", 5400 },
        { "500ms", 0.5 },
        { "-2s", -2 },
        { "1h2m3s", 3723 },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Parse_GoSyntax_GivesSeconds(string text, double seconds)
    {
        Assert.True(GoDuration.TryParse(text, out var value));
        Assert.Equal(seconds, value.TotalSeconds, 6);
    }

    [Theory]
    [InlineData("")]
    [InlineData("10")]
    [InlineData("1d")]
    [InlineData("h")]
    [InlineData("1 h")]
    public void Parse_NotGoSyntax_Fails(string text)
    {
        Assert.False(GoDuration.TryParse(text, out _));
    }

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(1800, "30m0s")]
    [InlineData(172800, "48h0m0s")]
    [InlineData(3723, "1h2m3s")]
    public void Format_LikeGo(int seconds, string text)
    {
        Assert.Equal(text, GoDuration.Format(TimeSpan.FromSeconds(seconds)));
    }
}
