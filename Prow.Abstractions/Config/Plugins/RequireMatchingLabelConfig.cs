using System.Text;
using System.Text.RegularExpressions;
using Prow.Abstractions.Config.Yaml;
using YamlDotNet.Serialization;

namespace Prow.Abstractions.Config.Plugins;

/// <summary>One entry of <c>require_matching_label:</c>: adds a label to issues or PRs that have no label matching a pattern.</summary>
public sealed class RequireMatchingLabelConfig : SourceLocated
{
    public const string DefaultGracePeriod = "5s";

    /// <summary>Required.</summary>
    public string Org { get; set; } = "";

    /// <summary>Repo name within <see cref="Org"/> (no slash); empty means every repo of the org.</summary>
    public string Repo { get; set; } = "";

    /// <summary>Base branch of PRs; only with <c>prs: true</c>; empty means every branch.</summary>
    public string Branch { get; set; } = "";

    [YamlMember(Alias = "prs")]
    public bool Prs { get; set; }

    public bool Issues { get; set; }

    /// <summary>Required: the labels that satisfy the rule.</summary>
    public string Regexp { get; set; } = "";

    /// <summary>Required: the label added when no label matches. Must not match <see cref="Regexp"/>.</summary>
    public string MissingLabel { get; set; } = "";

    /// <summary>Optional comment posted when <see cref="MissingLabel"/> is added.</summary>
    public string MissingComment { get; set; } = "";

    /// <summary>Go duration to wait after an issue or PR is opened before checking; defaults to 5s.</summary>
    public string GracePeriod { get; set; } = "";

    [YamlIgnore]
    public Regex? Re { get; set; }

    [YamlIgnore]
    public TimeSpan GracePeriodDuration { get; set; }

    /// <summary>A sentence describing the rule, as shown in plugin help.</summary>
    public string Describe()
    {
        var text = new StringBuilder($"Applies the '{MissingLabel}' label ");
        text.Append(MissingComment.Length == 0 ? "to " : "and comments on ");
        if (Issues) text.Append(Prs ? "Issues and " : "Issues ");
        if (Prs)
        {
            if (Branch.Length > 0) text.Append($"'{Branch}' branch ");
            text.Append("PRs ");
        }
        text.Append(Repo.Length == 0 ? $"in the '{Org}' GitHub org " : $"in the '{Org}/{Repo}' GitHub repo ");
        text.Append($"that have no labels matching the regular expression '{Regexp}'.");
        return text.ToString();
    }
}
