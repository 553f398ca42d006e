using YamlDotNet.Serialization;

namespace Prow.Abstractions.Config.Plugins;

/// <summary><c>slack:</c>, for the slackevents plugin.</summary>
public sealed class SlackConfig
{
    [YamlMember(Alias = "mentionchannels")]
    public List<string> MentionChannels { get; set; } = [];

    /// <summary>Warnings posted when someone pushes to a repo directly instead of merging a PR.</summary>
    [YamlMember(Alias = "mergewarnings")]
    public List<MergeWarning> MergeWarnings { get; set; } = [];
}
