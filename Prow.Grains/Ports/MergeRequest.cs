namespace Prow.Grains.Ports;

/// <summary>PUT /repos/{o}/{r}/pulls/{n}/merge: <see cref="MergeMethod"/> is "merge", "squash" or "rebase"; <see cref="Sha"/> guards against a moved head.</summary>
public sealed record MergeRequest(string MergeMethod, string? Sha = null, string? CommitTitle = null, string? CommitMessage = null);
