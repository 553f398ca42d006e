namespace Prow.Grains.Plugins;

/// <summary>One command found in a comment: which command, the name used (as declared, lower case) and its arguments (trimmed, "" when none).</summary>
public sealed record CommandMatch(PluginCommand Command, string Name, string Arguments)
{
    /// <summary>The first whitespace-separated argument, or "".</summary>
    public string FirstArgument =>
        Arguments.Split([' ', '\t'], 2, StringSplitOptions.RemoveEmptyEntries) is [var first, ..] ? first : "";
}
