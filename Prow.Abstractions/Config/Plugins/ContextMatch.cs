using System.Text.RegularExpressions;
using Prow.Abstractions.Config.Yaml;
using YamlDotNet.Serialization;

namespace Prow.Abstractions.Config.Plugins;

/// <summary>A status context to wait for (<c>wait_for_status</c> of blunderbuss and rifle).</summary>
public sealed class ContextMatch : SourceLocated
{
    public const string DefaultContext = "tide";
    public const string DefaultState = "pending";
    public const string DefaultDescription =
        @"Not mergeable. (PullRequest is missing sufficient approving GitHub review\(s\)|Needs (lgtm|approved|approved, lgtm) labels?)\.?";

    public string Context { get; set; } = "";

    /// <summary>Regular expression for the context's description.</summary>
    public string Description { get; set; } = "";

    public string State { get; set; } = "";

    [YamlIgnore]
    public Regex? DescriptionRe { get; set; }
}
