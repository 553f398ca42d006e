namespace Prow.Abstractions.GitHub;

public sealed class CombinedStatus
{
    public string State { get; set; } = "";
    public string Sha { get; set; } = "";
    public List<CommitStatus> Statuses { get; set; } = [];
}
