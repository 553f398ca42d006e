namespace Prow.Grains.Plugins;

/// <summary>
/// A slash command as data. The framework turns it into Prow's kind of regex — the command at the start
/// of a line, <c>/name</c> in any case, then optional (or required) arguments up to the end of the line —
/// matches it against comment text outside code blocks, checks <see cref="WhoMayUse"/>, and builds the
/// <c>/plugin-help.js</c> entry from the help fields.
/// </summary>
public sealed record PluginCommand
{
    /// <summary>The command name and its aliases, without the slash, e.g. <c>["hold", "unhold", "remove-hold"]</c>.</summary>
    public required IReadOnlyList<string> Names { get; init; }

    /// <summary>
    /// A regex for the rest of the line after the name and at least one space (e.g. <c>cancel</c>, <c>.*</c>,
    /// <c>@?[-\w]+(?: @?[-\w]+)*</c>); null when the command takes no arguments.
    /// </summary>
    public string? Arguments { get; init; }

    /// <summary>Whether <see cref="Arguments"/> must be present; by default they are optional.</summary>
    public bool ArgumentsRequired { get; init; }

    public CommandUsers WhoMayUse { get; init; } = CommandUsers.Anyone;

    public CommandTargets Targets { get; init; } = CommandTargets.Both;

    // Help (pluginhelp.Command)

    /// <summary>Usage shown in help; defaults to <c>/name [arguments]</c>.</summary>
    public string? Usage { get; init; }

    public required string Description { get; init; }

    public IReadOnlyList<string> Examples { get; init; } = [];

    public bool Featured { get; init; }

    /// <summary>Help text about who may use it; defaults to a sentence built from <see cref="WhoMayUse"/>.</summary>
    public string? WhoCanUse { get; init; }

    public string UsageText => Usage ?? "/" + Names[0] + (Arguments is null ? "" : ArgumentsRequired ? " <arguments>" : " [arguments]");

    public string WhoCanUseText => WhoCanUse ?? (WhoMayUse == CommandUsers.Anyone
        ? $"Anyone can use the /{Names[0]} command."
        : $"Only {CommandAudience.Describe(WhoMayUse, null, null)} can use the /{Names[0]} command.");
}
