using Prow.Grains.Webhooks;

namespace Prow.Grains.Repos;

[GenerateSerializer]
[Alias("prow.RepoGrainState")]
public sealed class RepoGrainState : IHasInbox
{
    [Id(0)] public InboxState Inbox { get; set; } = new();

    /// <summary>Head SHA → numbers of the open pull requests whose head it is.</summary>
    [Id(1)] public Dictionary<string, List<int>> Heads { get; set; } = new(StringComparer.Ordinal);
}
