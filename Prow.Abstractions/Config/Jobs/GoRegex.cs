using System.Text.RegularExpressions;

namespace Prow.Abstractions.Config.Jobs;

/// <summary>
/// Compiles Prow's regular expressions (Go RE2 syntax) with .NET. RE2 has no lookaround and no
/// backreferences, so patterns using them are rejected as Prow would; Go's <c>(?P&lt;name&gt;</c>
/// groups are accepted. Other syntax is shared by both engines for the patterns Prow configs use.
/// </summary>
public static partial class GoRegex
{
    public static bool TryCompile(string pattern, out Regex? regex, out string error)
    {
        regex = null;
        error = "";
        var unsupported = UnsupportedSyntax().Match(pattern);
        if (unsupported.Success)
        {
            error = $"invalid or unsupported Perl syntax: `{unsupported.Value}` (Go's RE2 has no lookaround or backreferences)";
            return false;
        }
        try
        {
            regex = new Regex(pattern.Replace("(?P<", "(?<", StringComparison.Ordinal), RegexOptions.CultureInvariant);
            return true;
        }
        catch (ArgumentException ex)
        {
            error = ex.Message;
            return false;
        }
    }

    [GeneratedRegex(@"\(\?<?[=!]|(?<!\\)\\[1-9]")]
    private static partial Regex UnsupportedSyntax();
}
