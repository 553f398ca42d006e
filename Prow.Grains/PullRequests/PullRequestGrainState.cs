using Prow.Abstractions.PullRequests;
using Prow.Grains.Webhooks;

namespace Prow.Grains.PullRequests;

[GenerateSerializer]
[Alias("prow.PullRequestGrainState")]
public sealed class PullRequestGrainState : IHasInbox
{
    [Id(0)] public InboxState Inbox { get; set; } = new();
    [Id(1)] public PullRequestSnapshot Snapshot { get; set; } = new();
}
