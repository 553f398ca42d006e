using Prow.Abstractions.Config.Yaml;

namespace Prow.Abstractions.Config.Jobs;

/// <summary>How a job's pod is decorated with the pod utilities (Prow's <c>prowapi.DecorationConfig</c>).</summary>
public sealed class DecorationConfig : SourceLocated
{
    /// <summary>How long the test may run before it is interrupted.</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>How long the test has after the interrupt before it is killed.</summary>
    public TimeSpan? GracePeriod { get; set; }

    public UtilityImages? UtilityImages { get; set; }

    /// <summary>Resource requirements of the utility containers.</summary>
    public DecorationResources? Resources { get; set; }

    [YamlDotNet.Serialization.YamlMember(Alias = "gcs_configuration")]
    public GcsConfiguration? GcsConfiguration { get; set; }

    [YamlDotNet.Serialization.YamlMember(Alias = "gcs_credentials_secret")]
    public string? GcsCredentialsSecret { get; set; }

    [YamlDotNet.Serialization.YamlMember(Alias = "s3_credentials_secret")]
    public string? S3CredentialsSecret { get; set; }

    public string? DefaultServiceAccountName { get; set; }

    [YamlDotNet.Serialization.YamlMember(Alias = "ssh_key_secrets")]
    public List<string>? SshKeySecrets { get; set; }

    [YamlDotNet.Serialization.YamlMember(Alias = "ssh_host_fingerprints")]
    public List<string>? SshHostFingerprints { get; set; }

    public bool? BloblessFetch { get; set; }
    public List<string>? SparseCheckoutFiles { get; set; }
    public bool? SkipCloning { get; set; }

    [YamlDotNet.Serialization.YamlMember(Alias = "cookiefile_secret")]
    public string? CookiefileSecret { get; set; }

    public SecretKeyReference? OauthTokenSecret { get; set; }

    [YamlDotNet.Serialization.YamlMember(Alias = "github_api_endpoints")]
    public List<string>? GitHubApiEndpoints { get; set; }

    [YamlDotNet.Serialization.YamlMember(Alias = "github_app_id")]
    public string GitHubAppId { get; set; } = "";

    [YamlDotNet.Serialization.YamlMember(Alias = "github_app_private_key_secret")]
    public SecretKeyReference? GitHubAppPrivateKeySecret { get; set; }

    public bool? CensorSecrets { get; set; }
    public CensoringOptions? CensoringOptions { get; set; }
    public bool? UploadIgnoresInterrupts { get; set; }
    public bool? SetLimitEqualsMemoryRequest { get; set; }

    /// <summary>A Kubernetes quantity such as "4Gi".</summary>
    public string? DefaultMemoryRequest { get; set; }

    public SchedulingOptions? SchedulingOptions { get; set; }
    public TimeSpan? PodPendingTimeout { get; set; }
    public TimeSpan? PodRunningTimeout { get; set; }
    public TimeSpan? PodUnscheduledTimeout { get; set; }
    public long? RunAsUser { get; set; }
    public long? RunAsGroup { get; set; }
    public long? FsGroup { get; set; }

    /// <summary>Deep copy (raw JSON parts cloned too).</summary>
    public DecorationConfig Clone()
    {
        var copy = (DecorationConfig)MemberwiseClone();
        copy.UtilityImages = UtilityImages?.Clone();
        copy.Resources = Resources?.Clone();
        copy.GcsConfiguration = GcsConfiguration?.Clone();
        copy.SshKeySecrets = SshKeySecrets?.ToList();
        copy.SshHostFingerprints = SshHostFingerprints?.ToList();
        copy.SparseCheckoutFiles = SparseCheckoutFiles?.ToList();
        copy.GitHubApiEndpoints = GitHubApiEndpoints?.ToList();
        copy.CensoringOptions = CensoringOptions?.Clone();
        copy.SchedulingOptions = SchedulingOptions?.Clone();
        return copy;
    }

    /// <summary>
    /// This config with unset fields taken from <paramref name="defaults"/> (Prow's ApplyDefault):
    /// a new object; neither input is changed.
    /// </summary>
    public static DecorationConfig? Merge(DecorationConfig? config, DecorationConfig? defaults)
    {
        if (config is null) return defaults?.Clone();
        var m = config.Clone();
        if (defaults is null) return m;
        m.UtilityImages = UtilityImages.Merge(m.UtilityImages, defaults.UtilityImages);
        m.Resources = DecorationResources.Merge(m.Resources, defaults.Resources);
        m.GcsConfiguration = GcsConfiguration.Merge(m.GcsConfiguration, defaults.GcsConfiguration);
        m.CensoringOptions = CensoringOptions.Merge(m.CensoringOptions, defaults.CensoringOptions);
        m.SchedulingOptions = SchedulingOptions.Merge(m.SchedulingOptions, defaults.SchedulingOptions);
        m.Timeout ??= defaults.Timeout;
        m.GracePeriod ??= defaults.GracePeriod;
        m.GcsCredentialsSecret ??= defaults.GcsCredentialsSecret;
        m.S3CredentialsSecret ??= defaults.S3CredentialsSecret;
        m.DefaultServiceAccountName ??= defaults.DefaultServiceAccountName;
        if (m.SshKeySecrets is not { Count: > 0 }) m.SshKeySecrets = defaults.SshKeySecrets?.ToList();
        if (m.SshHostFingerprints is not { Count: > 0 }) m.SshHostFingerprints = defaults.SshHostFingerprints?.ToList();
        m.SkipCloning ??= defaults.SkipCloning;
        m.CookiefileSecret ??= defaults.CookiefileSecret;
        m.OauthTokenSecret ??= defaults.OauthTokenSecret;
        if (m.GitHubApiEndpoints is not { Count: > 0 }) m.GitHubApiEndpoints = defaults.GitHubApiEndpoints?.ToList();
        if (m.GitHubAppId.Length == 0) m.GitHubAppId = defaults.GitHubAppId;
        m.GitHubAppPrivateKeySecret ??= defaults.GitHubAppPrivateKeySecret;
        m.CensorSecrets ??= defaults.CensorSecrets;
        m.UploadIgnoresInterrupts ??= defaults.UploadIgnoresInterrupts;
        m.SetLimitEqualsMemoryRequest ??= defaults.SetLimitEqualsMemoryRequest;
        m.DefaultMemoryRequest ??= defaults.DefaultMemoryRequest;
        m.PodPendingTimeout ??= defaults.PodPendingTimeout;
        m.PodRunningTimeout ??= defaults.PodRunningTimeout;
        m.PodUnscheduledTimeout ??= defaults.PodUnscheduledTimeout;
        m.RunAsUser ??= defaults.RunAsUser;
        m.RunAsGroup ??= defaults.RunAsGroup;
        m.FsGroup ??= defaults.FsGroup;
        m.BloblessFetch ??= defaults.BloblessFetch;
        if (m.SparseCheckoutFiles is not { Count: > 0 }) m.SparseCheckoutFiles = defaults.SparseCheckoutFiles?.ToList();
        return m;
    }
}
