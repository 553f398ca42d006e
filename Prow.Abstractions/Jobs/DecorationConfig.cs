using System.Text.Json;
using System.Text.Json.Serialization;
using Prow.Abstractions.Jobs.Serialization;

namespace Prow.Abstractions.Jobs;

/// <summary>
/// How the job's pod is decorated with the pod utilities (Prow's <c>DecorationConfig</c>). Durations
/// are Go duration strings in JSON; pointer fields are written whenever set, even when empty or false.
/// </summary>
[GenerateSerializer]
[Alias("prow.jobs.DecorationConfig")]
public sealed class DecorationConfig
{
    /// <summary>How long the test may run before it is interrupted (entrypoint's default: 2h).</summary>
    [Id(0)] [JsonPropertyName("timeout")] public TimeSpan? Timeout { get; set; }

    /// <summary>How long the test has after the interrupt before it is killed (default 15s).</summary>
    [Id(1)] [JsonPropertyName("grace_period")] public TimeSpan? GracePeriod { get; set; }

    [Id(2)] [JsonPropertyName("utility_images")] public UtilityImages? UtilityImages { get; set; }
    [Id(3)] [JsonPropertyName("resources")] public DecorationResources? Resources { get; set; }
    [Id(4)] [JsonPropertyName("gcs_configuration")] public GcsConfiguration? GcsConfiguration { get; set; }
    [Id(5)] [JsonPropertyName("gcs_credentials_secret")] [JsonOmitOnlyNull] public string? GcsCredentialsSecret { get; set; }
    [Id(6)] [JsonPropertyName("s3_credentials_secret")] [JsonOmitOnlyNull] public string? S3CredentialsSecret { get; set; }
    [Id(7)] [JsonPropertyName("default_service_account_name")] [JsonOmitOnlyNull] public string? DefaultServiceAccountName { get; set; }
    [Id(8)] [JsonPropertyName("ssh_key_secrets")] public List<string>? SshKeySecrets { get; set; }
    [Id(9)] [JsonPropertyName("ssh_host_fingerprints")] public List<string>? SshHostFingerprints { get; set; }
    [Id(10)] [JsonPropertyName("blobless_fetch")] public bool? BloblessFetch { get; set; }
    [Id(11)] [JsonPropertyName("sparse_checkout_files")] public List<string>? SparseCheckoutFiles { get; set; }
    [Id(12)] [JsonPropertyName("skip_cloning")] public bool? SkipCloning { get; set; }
    [Id(13)] [JsonPropertyName("cookiefile_secret")] [JsonOmitOnlyNull] public string? CookiefileSecret { get; set; }
    [Id(14)] [JsonPropertyName("oauth_token_secret")] public SecretKeyReference? OauthTokenSecret { get; set; }
    [Id(15)] [JsonPropertyName("github_api_endpoints")] public List<string>? GitHubApiEndpoints { get; set; }
    [Id(16)] [JsonPropertyName("github_app_id")] public string GitHubAppId { get; set; } = "";
    [Id(17)] [JsonPropertyName("github_app_private_key_secret")] public SecretKeyReference? GitHubAppPrivateKeySecret { get; set; }
    [Id(18)] [JsonPropertyName("censor_secrets")] public bool? CensorSecrets { get; set; }
    [Id(19)] [JsonPropertyName("censoring_options")] public CensoringOptions? CensoringOptions { get; set; }
    [Id(20)] [JsonPropertyName("upload_ignores_interrupts")] public bool? UploadIgnoresInterrupts { get; set; }
    [Id(21)] [JsonPropertyName("set_limit_equals_memory_request")] public bool? SetLimitEqualsMemoryRequest { get; set; }

    /// <summary>A Kubernetes quantity such as "4Gi" (read from a number or a string, written as a string).</summary>
    [Id(22)]
    [JsonPropertyName("default_memory_request")]
    [JsonOmitOnlyNull]
    [JsonConverter(typeof(IntOrStringJsonConverter))]
    public string? DefaultMemoryRequest { get; set; }

    [Id(23)] [JsonPropertyName("scheduling_options")] public SchedulingOptions? SchedulingOptions { get; set; }
    [Id(24)] [JsonPropertyName("pod_pending_timeout")] public TimeSpan? PodPendingTimeout { get; set; }
    [Id(25)] [JsonPropertyName("pod_running_timeout")] public TimeSpan? PodRunningTimeout { get; set; }
    [Id(26)] [JsonPropertyName("pod_unscheduled_timeout")] public TimeSpan? PodUnscheduledTimeout { get; set; }
    [Id(27)] [JsonPropertyName("run_as_user")] public long? RunAsUser { get; set; }
    [Id(28)] [JsonPropertyName("run_as_group")] public long? RunAsGroup { get; set; }
    [Id(29)] [JsonPropertyName("fs_group")] public long? FsGroup { get; set; }
    [Id(30)] [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}
