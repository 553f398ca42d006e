using System.Text;
using System.Text.RegularExpressions;

namespace Prow.Abstractions.Config.Plugins;

/// <summary>
/// Compiles the regular expressions of Prow's configuration, which are Go (RE2) syntax, with .NET's engine.
/// Go-only syntax is translated (<c>(?P&lt;name&gt;</c>, <c>\pL</c>, <c>\Q...\E</c>, POSIX classes like <c>[[:alpha:]]</c>);
/// what RE2 rejects is rejected too (look-around, back-references, atomic groups, conditionals, <c>\Z</c>,
/// flags other than i, m, s, U). Go's ungreedy flag <c>U</c> has no .NET equivalent and is refused by .NET.
/// The result uses .NET's non-backtracking engine, which like RE2 matches in linear time, so a pattern from
/// configuration cannot stall a plugin on a hostile comment.
/// </summary>
public static class GoRegexp
{
    private static readonly Dictionary<string, string> PosixClasses = new(StringComparer.Ordinal)
    {
        ["alnum"] = "0-9A-Za-z", ["alpha"] = "A-Za-z", ["ascii"] = @"\x00-\x7F", ["blank"] = @"\t ",
        ["cntrl"] = @"\x00-\x1F\x7F", ["digit"] = "0-9", ["graph"] = @"!-~", ["lower"] = "a-z",
        ["print"] = @" -~", ["punct"] = @"!-/:-@\[-`{-~", ["space"] = @"\t\n\v\f\r ", ["upper"] = "A-Z",
        ["word"] = "0-9A-Za-z_", ["xdigit"] = "0-9A-Fa-f",
    };

    /// <summary>Compiles <paramref name="pattern"/>; on failure returns false with a message like Go's.</summary>
    public static bool TryCompile(string pattern, out Regex? regex, out string error)
    {
        regex = null;
        if (!TryTranslate(pattern, out var translated, out error)) return false;
        try
        {
            regex = new Regex(translated, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
            return true;
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            error = ex.Message;
            return false;
        }
    }

    private static bool TryTranslate(string pattern, out string translated, out string error)
    {
        var sb = new StringBuilder(pattern.Length + 8);
        translated = "";
        error = "";
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            var next = i + 1 < pattern.Length ? pattern[i + 1] : '\0';
            if (c == '\\')
            {
                // A lone \1..\9 is a back-reference (refused); \12 is an octal escape in Go.
                var afterNext = i + 2 < pattern.Length ? pattern[i + 2] : '\0';
                if ((next is >= '1' and <= '9' && !char.IsAsciiDigit(afterNext)) || (next == 'k' && !inClass))
                    return Fail($"invalid escape sequence: `\\{next}` (back-references are not supported)", out error);
                if (next == 'Z')
                    return Fail("invalid escape sequence: `\\Z`", out error);
                if (next == 'Q' && !inClass)
                {
                    var end = pattern.IndexOf(@"\E", i + 2, StringComparison.Ordinal);
                    var literal = end < 0 ? pattern[(i + 2)..] : pattern[(i + 2)..end];
                    sb.Append(Regex.Escape(literal));
                    i = end < 0 ? pattern.Length : end + 1;
                    continue;
                }
                if (next is 'p' or 'P' && i + 2 < pattern.Length && pattern[i + 2] != '{')
                {
                    sb.Append('\\').Append(next).Append('{').Append(pattern[i + 2]).Append('}');
                    i += 2;
                    continue;
                }
                sb.Append(c);
                if (next != '\0') sb.Append(next);
                i++;
                continue;
            }
            if (inClass)
            {
                if (c == '[' && next == ':' && TryPosixClass(pattern, i, out var expansion, out var length))
                {
                    if (expansion is null) return Fail($"invalid character class range: `{pattern.Substring(i, length)}`", out error);
                    sb.Append(expansion);
                    i += length - 1;
                    continue;
                }
                if (c == ']') inClass = false;
                sb.Append(c);
                continue;
            }
            if (c == '[')
            {
                inClass = true;
                sb.Append(c);
                // A ']' right after '[' or '[^' is a literal.
                if (next == '^') { sb.Append('^'); i++; next = i + 1 < pattern.Length ? pattern[i + 1] : '\0'; }
                if (next == ']') { sb.Append(@"\]"); i++; }
                continue;
            }
            if (c == '(' && next == '?')
            {
                var rest = pattern.AsSpan(i + 2);
                if (rest.StartsWith("P<"))
                {
                    sb.Append("(?<");
                    i += 3;
                    continue;
                }
                if (rest.StartsWith("=") || rest.StartsWith("!") || rest.StartsWith("<=") || rest.StartsWith("<!"))
                    return Fail("invalid or unsupported Perl syntax: look-around is not supported", out error);
                if (rest.StartsWith(">") || rest.StartsWith("(") || rest.StartsWith("#"))
                    return Fail($"invalid or unsupported Perl syntax: `(?{rest[0]}`", out error);
                var run = 0;
                while (run < rest.Length && (char.IsAsciiLetter(rest[run]) || rest[run] == '-')) run++;
                if (run > 0 && run < rest.Length && rest[run] is ':' or ')' && rest[..run].ContainsAnyExcept("imsU-"))
                    return Fail($"invalid or unsupported Perl syntax: `(?{rest[..run]}`", out error);
            }
            sb.Append(c);
        }
        translated = sb.ToString();
        return true;
    }

    /// <summary>
    /// Reads <c>[:name:]</c> at <paramref name="start"/>. False when it is not a POSIX class (kept literally);
    /// true with a null expansion when the class name is unknown (an error in Go).
    /// </summary>
    private static bool TryPosixClass(string pattern, int start, out string? expansion, out int length)
    {
        expansion = null;
        length = 0;
        var end = pattern.IndexOf(":]", start + 2, StringComparison.Ordinal);
        if (end < 0) return false;
        var name = pattern[(start + 2)..end];
        var negated = name.StartsWith('^');
        if (negated) name = name[1..];
        if (name.Length == 0 || !name.All(char.IsAsciiLetterLower)) return false;
        length = end + 2 - start;
        if (!negated)
        {
            PosixClasses.TryGetValue(name, out expansion);
            return true;
        }
        expansion = name switch { "digit" => @"\D", "space" => @"\S", "word" => @"\W", _ => null };
        // Other negated classes have no single .NET form inside brackets: keep the text as it is.
        return expansion is not null || !PosixClasses.ContainsKey(name);
    }

    private static bool Fail(string message, out string error)
    {
        error = message;
        return false;
    }
}
