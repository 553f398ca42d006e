namespace Prow.Abstractions.GitHub.Events;

public sealed class PushCommit
{
    public string Id { get; set; } = "";
    public string Message { get; set; } = "";
    public List<string> Added { get; set; } = [];
    public List<string> Removed { get; set; } = [];
    public List<string> Modified { get; set; } = [];
    public PushUser? Author { get; set; }
}
