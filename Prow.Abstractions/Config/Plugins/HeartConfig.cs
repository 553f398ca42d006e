using System.Text.RegularExpressions;
using Prow.Abstractions.Config.Yaml;
using YamlDotNet.Serialization;

namespace Prow.Abstractions.Config.Plugins;

/// <summary><c>heart:</c>, which adds emoji reactions to comments by adorees.</summary>
public sealed class HeartConfig : SourceLocated
{
    /// <summary>GitHub logins whose comments get an emoji.</summary>
    public List<string> Adorees { get; set; } = [];

    /// <summary>Comments that get an emoji; when empty, none do.</summary>
    [YamlMember(Alias = "commentregexp")]
    public string CommentRegexp { get; set; } = "";

    [YamlIgnore]
    public Regex? CommentRe { get; set; }
}
