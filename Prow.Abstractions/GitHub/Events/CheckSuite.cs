namespace Prow.Abstractions.GitHub.Events;

public sealed class CheckSuite
{
    public long Id { get; set; }
    public string HeadSha { get; set; } = "";
    public string? HeadBranch { get; set; }
    public string Status { get; set; } = "";
    public string? Conclusion { get; set; }
}
