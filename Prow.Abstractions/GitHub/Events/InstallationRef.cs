namespace Prow.Abstractions.GitHub.Events;

public sealed class InstallationRef
{
    public long Id { get; set; }
}
