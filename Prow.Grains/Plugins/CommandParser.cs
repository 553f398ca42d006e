using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Prow.Grains.Plugins;

/// <summary>
/// Finds commands in comment text with Prow's rules: a command starts a line (<c>/name</c>, any case;
/// so indented or quoted <c>&gt; /name</c> lines are not commands), is followed by its arguments up to
/// the end of the line, and text inside fenced code blocks (<c>```</c> or <c>~~~</c>) is ignored.
/// </summary>
public static class CommandParser
{
    private static readonly ConditionalWeakTable<PluginCommand, Regex> Patterns = [];

    /// <summary>The regex built for <paramref name="command"/>, e.g. <c>(?mi)^/(?:hold|unhold)(?:[ \t]+(?&lt;args&gt;.*))?[ \t]*$</c>.</summary>
    public static Regex PatternFor(PluginCommand command) => Patterns.GetValue(command, Build);

    /// <summary>Every command of <paramref name="commands"/> in <paramref name="body"/>, in the order they appear.</summary>
    public static IReadOnlyList<CommandMatch> Find(IEnumerable<PluginCommand> commands, string? body)
    {
        if (string.IsNullOrEmpty(body)) return [];
        var text = DropCodeBlocks(body.ReplaceLineEndings("\n"));
        var found = new List<(int Index, CommandMatch Match)>();
        foreach (var command in commands)
        {
            foreach (Match m in PatternFor(command).Matches(text))
            {
                var name = command.Names.First(n => n.Equals(m.Groups["name"].Value, StringComparison.OrdinalIgnoreCase));
                found.Add((m.Index, new CommandMatch(command, name, m.Groups["args"].Value.Trim())));
            }
        }
        return [.. found.OrderBy(f => f.Index).Select(f => f.Match)];
    }

    /// <summary>
    /// Removes fenced code blocks as Prow's <c>markdown.DropCodeBlock</c> does: from a line starting with
    /// <c>```</c> (or <c>~~~</c>) to the next line that is exactly <c>```</c> (or <c>~~~</c>), both included.
    /// An unclosed fence is left as it is.
    /// </summary>
    public static string DropCodeBlocks(string text)
    {
        var lines = text.Split('\n');
        var kept = new List<string>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            var fence = lines[i].StartsWith("```", StringComparison.Ordinal) ? "```"
                : lines[i].StartsWith("~~~", StringComparison.Ordinal) ? "~~~" : null;
            var close = fence is null ? -1 : Array.FindIndex(lines, i + 1, l => l == fence);
            if (close < 0)
            {
                kept.Add(lines[i]);
                continue;
            }
            // The block and the newline after it go; a block that ends the text takes no newline with it.
            if (close == lines.Length - 1 && kept.Count > 0) kept.Add("");
            i = close;
        }
        return string.Join('\n', kept);
    }

    private static Regex Build(PluginCommand command)
    {
        if (command.Names.Count == 0) throw new ArgumentException("a command needs at least one name", nameof(command));
        var names = string.Join('|', command.Names.Select(Regex.Escape));
        var arguments = command.Arguments switch
        {
            null => "",
            var a when command.ArgumentsRequired => $"[ \\t]+(?<args>{a})",
            var a => $"(?:[ \\t]+(?<args>{a}))?",
        };
        return new Regex($"^/(?<name>{names}){arguments}[ \\t]*$",
            RegexOptions.Multiline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
            TimeSpan.FromSeconds(1));
    }
}
