using System.Text.Json.Serialization;

namespace Prow.Abstractions.GitHub.Events;

/// <summary>Fields every repository webhook payload carries.</summary>
public abstract class WebhookPayload
{
    public string? Action { get; set; }

    [JsonPropertyName("repository")]
    public Repo Repo { get; set; } = new();

    public User Sender { get; set; } = new();

    /// <summary>Set when the webhook comes from a GitHub App installation.</summary>
    public InstallationRef? Installation { get; set; }
}
