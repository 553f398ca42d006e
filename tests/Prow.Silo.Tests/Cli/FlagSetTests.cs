using Prow.Silo.Cli;

namespace Prow.Silo.Tests.Cli;

public sealed class FlagSetTests
{
    private static (FlagSet Flags, FlagSet.Flag<string?> Path, FlagSet.Flag<bool> Dry, FlagSet.Flag<int> Port, FlagSet.Flag<List<string>> Endpoints) Make()
    {
        var flags = new FlagSet("test");
        return (flags, flags.String("config-path", "default.yaml", ""), flags.Bool("dry-run", false, ""), flags.Int("port", 8888, ""),
            flags.Strings("github-endpoint", ["https://api.github.com"], ""));
    }

    public static TheoryData<string, string[], string, bool, int> GoStyleForms => new()
    {
        { "double dash with space", ["--config-path", "a.yaml", "--port", "1"], "a.yaml", false, 1 },
        { "single dash with space", ["-config-path", "a.yaml", "-port", "2"], "a.yaml", false, 2 },
        { "equals sign", ["--config-path=a=b.yaml", "--port=3"], "a=b.yaml", false, 3 },
        { "bare bool", ["--dry-run"], "default.yaml", true, 8888 },
        { "bool with value", ["--dry-run=false"], "default.yaml", false, 8888 },
        { "bool with t", ["-dry-run=t"], "default.yaml", true, 8888 },
    };

    [Theory]
    [MemberData(nameof(GoStyleForms))]
    public void Parse_GoStyleForms_SetValues(string name, string[] args, string path, bool dry, int port)
    {
        _ = name;
        var (flags, pathFlag, dryFlag, portFlag, _) = Make();
        Assert.Empty(flags.Parse(args));
        Assert.Equal(path, pathFlag.Value);
        Assert.Equal(dry, dryFlag.Value);
        Assert.Equal(port, portFlag.Value);
    }

    public static TheoryData<string[], string> BadCommandLines => new()
    {
        { ["--nope"], "unknown flag -nope" },
        { ["--port"], "flag -port needs a value" },
        { ["--port", "eighty"], "invalid value \"eighty\" for flag -port" },
        { ["--dry-run=maybe"], "invalid value \"maybe\" for flag -dry-run" },
    };

    [Theory]
    [MemberData(nameof(BadCommandLines))]
    public void Parse_BadInput_ThrowsUsageNamingTheFlag(string[] args, string message)
    {
        var (flags, _, _, _, _) = Make();
        var ex = Assert.Throws<UsageException>(() => flags.Parse(args));
        Assert.StartsWith(message, ex.Message);
    }

    [Fact]
    public void Parse_RepeatedListFlag_ReplacesDefaultAndAccumulates()
    {
        var (flags, _, _, _, endpoints) = Make();
        flags.Parse(["--github-endpoint", "http://a", "--github-endpoint=http://b"]);
        Assert.Equal(["http://a", "http://b"], endpoints.Value);
    }

    [Fact]
    public void Parse_Positional_ReturnedInOrder()
    {
        var (flags, _, _, _, _) = Make();
        Assert.Equal(["x", "y"], flags.Parse(["x", "--port", "1", "y"]));
    }

    [Fact]
    public void Parse_Help_ThrowsHelpRequested()
    {
        var (flags, _, _, _, _) = Make();
        Assert.Throws<HelpRequestedException>(() => flags.Parse(["-h"]));
        Assert.Contains("--config-path value", flags.Usage());
    }
}
