namespace Prow.Abstractions.Config.Tide;

/// <summary>Which status contexts Tide requires (keys are kebab-case, as in Prow).</summary>
public class TideContextPolicy
{
    [YamlDotNet.Serialization.YamlMember(Alias = "skip-unknown-contexts")]
    public bool? SkipUnknownContexts { get; set; }

    [YamlDotNet.Serialization.YamlMember(Alias = "required-contexts")]
    public List<string>? RequiredContexts { get; set; }

    [YamlDotNet.Serialization.YamlMember(Alias = "required-if-present-contexts")]
    public List<string>? RequiredIfPresentContexts { get; set; }

    [YamlDotNet.Serialization.YamlMember(Alias = "optional-contexts")]
    public List<string>? OptionalContexts { get; set; }

    [YamlDotNet.Serialization.YamlMember(Alias = "optional-regex-contexts")]
    public List<string>? OptionalRegexContexts { get; set; }

    [YamlDotNet.Serialization.YamlMember(Alias = "from-branch-protection")]
    public bool? FromBranchProtection { get; set; }

    [YamlDotNet.Serialization.YamlMember(Alias = "overwrite-pending-contexts")]
    public bool? OverwritePendingContexts { get; set; }
}
