using System.Text.RegularExpressions;
using Prow.Abstractions.Config.Yaml;
using YamlDotNet.Serialization;

namespace Prow.Abstractions.Config.Plugins;

/// <summary><c>sigmention:</c>, which labels issues and PRs from @org/sig-team mentions.</summary>
public sealed class SigMentionConfig : SourceLocated
{
    public const string DefaultRegexp =
        @"(?m)@kubernetes/sig-([\w-]*)-(misc|test-failures|bugs|feature-requests|proposals|pr-reviews|api-reviews)";

    /// <summary>Finds team mentions in comments; defaults to <see cref="DefaultRegexp"/>.</summary>
    public string Regexp { get; set; } = "";

    [YamlIgnore]
    public Regex? Re { get; set; }
}
