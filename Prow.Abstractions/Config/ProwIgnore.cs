using System.Text;
using System.Text.RegularExpressions;

namespace Prow.Abstractions.Config;

/// <summary>
/// The rules of one <c>.prowignore</c> file (gitignore syntax) in a job config directory: they apply
/// to paths below that directory. Supported: comments, blank lines, <c>!</c> negation, a trailing
/// <c>/</c> for directories only, a leading or inner <c>/</c> anchoring to the file's directory,
/// <c>*</c>, <c>?</c>, <c>**</c> and <c>[...]</c>. The last matching rule wins.
/// </summary>
public sealed class ProwIgnore
{
    /// <summary>The file name Prow reads in every directory of --job-config-path.</summary>
    public const string FileName = ".prowignore";

    private readonly List<Rule> _rules;

    private ProwIgnore(List<Rule> rules) => _rules = rules;

    public static ProwIgnore Parse(string text)
    {
        var rules = new List<Rule>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (!line.EndsWith("\\ ", StringComparison.Ordinal)) line = line.TrimEnd();
            if (line.Length == 0 || line[0] == '#') continue;
            var negate = line[0] == '!';
            if (negate) line = line[1..];
            else if (line.StartsWith("\\!", StringComparison.Ordinal) || line.StartsWith("\\#", StringComparison.Ordinal)) line = line[1..];
            var directoryOnly = line.EndsWith('/');
            line = line.TrimEnd('/');
            if (line.Length == 0) continue;
            var anchored = line.Contains('/');
            line = line.TrimStart('/');
            rules.Add(new Rule(new Regex("^" + (anchored ? "" : "(?:.*/)?") + GlobToRegex(line) + "$", RegexOptions.CultureInvariant), negate, directoryOnly));
        }
        return new ProwIgnore(rules);
    }

    /// <summary>
    /// True, false, or null (no rule matched) for a path relative to the .prowignore's directory,
    /// with '/' separators. A path inside an ignored directory is ignored too.
    /// </summary>
    public bool? Match(string relativePath, bool isDirectory)
    {
        var segments = relativePath.Split('/');
        bool? result = null;
        for (var depth = 1; depth <= segments.Length; depth++)
        {
            var prefix = string.Join('/', segments, 0, depth);
            var prefixIsDirectory = depth < segments.Length || isDirectory;
            var levelResult = MatchOne(prefix, prefixIsDirectory);
            if (levelResult == true && depth < segments.Length) return true;
            if (levelResult is not null) result = levelResult;
        }
        return result;
    }

    private bool? MatchOne(string path, bool isDirectory)
    {
        bool? result = null;
        foreach (var rule in _rules)
        {
            if (rule.DirectoryOnly && !isDirectory) continue;
            if (rule.Pattern.IsMatch(path)) result = !rule.Negate;
        }
        return result;
    }

    private static string GlobToRegex(string glob)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            switch (c)
            {
                case '*' when i + 1 < glob.Length && glob[i + 1] == '*':
                    var slash = i + 2 < glob.Length && glob[i + 2] == '/';
                    sb.Append(slash ? "(?:.*/)?" : ".*");
                    i += slash ? 2 : 1;
                    break;
                case '*':
                    sb.Append("[^/]*");
                    break;
                case '?':
                    sb.Append("[^/]");
                    break;
                case '[':
                    var end = glob.IndexOf(']', i + 1);
                    if (end < 0) { sb.Append(@"\["); break; }
                    var body = glob[(i + 1)..end];
                    if (body.StartsWith('!')) body = "^" + body[1..];
                    sb.Append('[').Append(body.Replace("\\", @"\\", StringComparison.Ordinal)).Append(']');
                    i = end;
                    break;
                case '\\' when i + 1 < glob.Length:
                    sb.Append(Regex.Escape(glob[++i].ToString()));
                    break;
                default:
                    sb.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }
        return sb.ToString();
    }

    private sealed record Rule(Regex Pattern, bool Negate, bool DirectoryOnly);
}
