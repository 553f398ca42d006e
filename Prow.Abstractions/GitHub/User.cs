namespace Prow.Abstractions.GitHub;

/// <summary>A GitHub account (user, bot or organization) as REST and webhook payloads carry it.</summary>
public sealed class User
{
    public string Login { get; set; } = "";
    public long Id { get; set; }
    /// <summary>"User", "Bot" or "Organization".</summary>
    public string Type { get; set; } = "";
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? HtmlUrl { get; set; }
}
