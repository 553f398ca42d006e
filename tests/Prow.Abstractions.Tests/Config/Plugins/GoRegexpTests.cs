using Prow.Abstractions.Config.Plugins;

namespace Prow.Abstractions.Tests.Config.Plugins;

/// <summary>Go (RE2) regular expressions compiled with .NET: translated where Go differs, refused where RE2 refuses.</summary>
public sealed class GoRegexpTests
{
    /// <summary>case name, Go pattern, input, expected match (the whole match).</summary>
    public static TheoryData<string, string, string, string> Accepted => new()
    {
        { "plain", "^release-.*$", "release-1.30", "release-1.30" },
        { "flags", "(?i)^LGTM$", "lgtm", "lgtm" },
        { "named group, Go spelling", "v(?P<major>[0-9]+)", "v12", "v12" },
        { "POSIX class", "[[:digit:]]+", "ab123", "123" },
        { "POSIX class with other members", "[[:alpha:]_]+", "9ab_c9", "ab_c" },
        { "negated POSIX class", "[[:^digit:]]+", "12ab3", "ab" },
        { "one-letter Unicode class", @"\pL+", "12héllo3", "héllo" },
        { "escaped bracket in class", @"[\]a]+", "x]a]y", "]a]" },
        { "leading bracket literal in class", "[]a]+", "x]a]y", "]a]" },
        { "parenthesis in class is literal", "[(?=]+", "a(?=b", "(?=" },
        { "quoted literal", @"\Qa.b*\E+", "a.b**", "a.b**" },
        { "scoped flags", "(?i:abc)d", "ABCd", "ABCd" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void GoPattern_CompilesAndMatchesLikeGo(string caseName, string pattern, string input, string expected)
    {
        Assert.True(GoRegexp.TryCompile(pattern, out var regex, out var error), $"{caseName}: {error}");
        Assert.Equal(expected, regex!.Match(input).Value);
    }

    /// <summary>case name, pattern RE2 rejects, fragment of the error.</summary>
    public static TheoryData<string, string, string> Refused => new()
    {
        { "look-ahead", "a(?=b)", "look-around" },
        { "negative look-behind", "(?<!a)b", "look-around" },
        { "back-reference", @"(a)\1", "back-references" },
        { "named back-reference", @"(?<x>a)\k<x>", "back-references" },
        { "atomic group", "(?>a)", "(?>" },
        { "end of text before newline", @"a\Z", @"\Z" },
        { "unknown POSIX class", "[[:vowel:]]", "invalid character class range" },
        { "unbalanced parenthesis", "(a", "" },
        { "extended-mode flag (not RE2)", "(?x)a b", "(?x" },
        { "inline comment (not RE2)", "a(?#note)", "(?#" },
        { "balancing group (.NET only)", "(?<a>x)(?<b-a>y)", "" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void NonRe2Pattern_IsRefused(string caseName, string pattern, string fragment)
    {
        Assert.False(GoRegexp.TryCompile(pattern, out var regex, out var error), caseName);
        Assert.Null(regex);
        Assert.Contains(fragment, error, StringComparison.Ordinal);
    }
}
