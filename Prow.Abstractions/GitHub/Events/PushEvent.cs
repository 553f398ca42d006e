namespace Prow.Abstractions.GitHub.Events;

/// <summary><c>push</c> to a branch or tag.</summary>
public sealed class PushEvent : WebhookPayload
{
    /// <summary>The full ref, e.g. <c>refs/heads/main</c>.</summary>
    public string Ref { get; set; } = "";
    public string Before { get; set; } = "";
    public string After { get; set; } = "";
    public bool Created { get; set; }
    public bool Deleted { get; set; }
    public bool Forced { get; set; }
    public string? Compare { get; set; }
    public List<PushCommit> Commits { get; set; } = [];
    public PushCommit? HeadCommit { get; set; }
    public PushUser? Pusher { get; set; }

    /// <summary>The branch name for <c>refs/heads/…</c>, else the ref unchanged.</summary>
    public string Branch => Ref.StartsWith("refs/heads/", StringComparison.Ordinal) ? Ref["refs/heads/".Length..] : Ref;
}
