namespace Prow.Abstractions.GitHub.Events;

public sealed class PushUser
{
    public string Name { get; set; } = "";
    public string? Email { get; set; }
    public string? Username { get; set; }
}
