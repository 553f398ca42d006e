using Prow.Grains.Plugins;

namespace Prow.Grains.Tests.Plugins;

public class CommandParserTests
{
    private static readonly PluginCommand Hold = new()
    {
        Names = ["hold", "unhold", "remove-hold"],
        Arguments = ".*",
        Description = "hold",
    };

    private static readonly PluginCommand Lgtm = new()
    {
        Names = ["lgtm"],
        Arguments = "cancel",
        Description = "lgtm",
    };

    private static readonly PluginCommand Assign = new()
    {
        Names = ["assign"],
        Arguments = @"@?[-\w]+(?:[ \t]+@?[-\w]+)*",
        ArgumentsRequired = true,
        Description = "assign",
    };

    private static readonly PluginCommand Close = new()
    {
        Names = ["close"],
        Description = "close",
    };

    private static readonly Dictionary<string, PluginCommand> ByName = new()
    {
        ["hold"] = Hold, ["lgtm"] = Lgtm, ["assign"] = Assign, ["close"] = Close,
    };

    // case name, command, comment body, expected "name:args" of each match ("" when none)
    public static TheoryData<string, string, string, string> Cases => new()
    {
        { "bare command", "hold", "/hold", "hold:" },
        { "upper case", "hold", "/HOLD", "hold:" },
        { "alias", "hold", "/unhold", "unhold:" },
        { "alias with mixed case", "hold", "/Remove-Hold", "remove-hold:" },
        { "arguments after a space", "hold", "/hold cancel", "hold:cancel" },
        { "arguments after a tab", "hold", "/hold\tcancel please", "hold:cancel please" },
        { "trailing spaces", "hold", "/hold   ", "hold:" },
        { "CRLF line endings", "hold", "thanks\r\n/hold cancel\r\nbye", "hold:cancel" },
        { "not at the start of a line", "hold", "please /hold", "" },
        { "indented", "hold", "  /hold", "" },
        { "quoted", "hold", "> /hold", "" },
        { "quoted reply with a new command", "hold", "> /hold\n\n/unhold", "unhold:" },
        { "longer word is another command", "hold", "/holdx", "" },
        { "second line", "hold", "LGTM overall\n/hold\nfor the release", "hold:" },
        { "several matches in order", "hold", "/unhold\n/hold", "unhold:,hold:" },
        { "inside a fenced code block", "hold", "```\n/hold\n```", "" },
        { "inside a fenced block with a language", "hold", "```shell\n/hold\n```\n", "" },
        { "inside a tilde fence", "hold", "~~~\n/hold\n~~~", "" },
        { "after a code block", "hold", "```\n/hold cancel\n```\n/hold", "hold:" },
        { "unclosed fence is text", "hold", "```\n/hold", "hold:" },
        { "fence closed with extra text is text", "hold", "```\n/hold\n``` extra", "hold:" },
        { "inline code is not a line start", "hold", "use `/hold`", "" },
        { "fixed argument", "lgtm", "/lgtm cancel", "lgtm:cancel" },
        { "optional argument absent", "lgtm", "/lgtm", "lgtm:" },
        { "other argument rejected", "lgtm", "/lgtm please", "" },
        { "required argument present", "assign", "/assign @alice bob", "assign:@alice bob" },
        { "required argument missing", "assign", "/assign", "" },
        { "no-argument command", "close", "/close", "close:" },
        { "no-argument command given one", "close", "/close now", "" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Find_FollowsProwCommandRules(string name, string command, string body, string expected)
    {
        var found = CommandParser.Find([ByName[command]], body);

        Assert.True(expected == string.Join(",", found.Select(m => m.Name + ":" + m.Arguments)), name);
    }

    // Prow's markdown.DropCodeBlock cases, by name: input, expected output.
    public static TheoryData<string, string, string> CodeBlockCases => new()
    {
        { "no code block", "should stay\nand this\n", "should stay\nand this\n" },
        { "one block", "```\nfiltered\n```", "" },
        { "one block with newline", "```\nfiltered\nout\n```\n", "" },
        { "wrapped with text", "a\n```\nx\n```\nb\n", "a\nb\n" },
        { "block at the end without newline", "a\n```\nx\n```", "a\n" },
        { "several blocks", "```\nx\n```\n```go\ny\n```\n", "" },
        { "tilde block", "a\n~~~\nx\n~~~\nb", "a\nb" },
        { "closing fence with text after it", "```\nstay\n``` extra", "```\nstay\n``` extra" },
        { "not closed", "```\nstay", "```\nstay" },
    };

    [Theory]
    [MemberData(nameof(CodeBlockCases))]
    public void DropCodeBlocks_MatchesProw(string name, string text, string expected)
    {
        Assert.True(expected == CommandParser.DropCodeBlocks(text), name);
    }

    [Fact]
    public void PatternFor_IsProwStyleRegex()
    {
        Assert.Equal(@"^/(?<name>hold|unhold|remove-hold)(?:[ \t]+(?<args>.*))?[ \t]*$", CommandParser.PatternFor(Hold).ToString());
        Assert.Same(CommandParser.PatternFor(Hold), CommandParser.PatternFor(Hold));
    }
}
