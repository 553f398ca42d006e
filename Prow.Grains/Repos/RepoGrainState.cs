using Prow.Grains.Webhooks;

namespace Prow.Grains.Repos;

[GenerateSerializer]
[Alias("prow.RepoGrainState")]
public sealed class RepoGrainState : IHasInbox
{
    [Id(0)] public InboxState Inbox { get; set; } = new();

    /// <summary>
    /// The head index as states of earlier versions kept it, beside the inbox (so every accepted event rewrote it).
    /// Read only to move it into <see cref="RepoHeadsState"/> on activation.
    /// </summary>
    [Id(1)] public Dictionary<string, List<int>> Heads { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>
/// A repository's head index, persisted apart from its webhook inbox: a large repository has a thousand open pull
/// requests, and status events (the most frequent webhook) are accepted by the repository grain, so keeping the index
/// in the inbox's state would rewrite it with every one of them.
/// </summary>
[GenerateSerializer]
[Alias("prow.RepoHeadsState")]
public sealed class RepoHeadsState
{
    /// <summary>Head SHA → numbers of the open pull requests whose head it is.</summary>
    [Id(0)] public Dictionary<string, List<int>> Heads { get; set; } = new(StringComparer.Ordinal);
}
