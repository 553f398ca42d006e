namespace Prow.Abstractions.Config.Jobs;

/// <summary>A key in a Kubernetes secret (OAuth token, GitHub App private key).</summary>
public sealed class SecretKeyReference
{
    public string Name { get; set; } = "";
    public string Key { get; set; } = "";
}
