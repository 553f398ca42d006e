namespace Prow.Silo.Adapters.Kubernetes.Decoration;

/// <summary>What sidecar censors before upload (Prow's <c>sidecar.CensoringOptions</c>).</summary>
public sealed class SidecarCensoringOptions
{
    /// <summary>Mount paths of secret volumes whose contents are censored.</summary>
    public List<string>? SecretDirectories { get; set; }

    public long? CensoringConcurrency { get; set; }
    public int? CensoringBufferSize { get; set; }
    public List<string>? IncludeDirectories { get; set; }
    public List<string>? ExcludeDirectories { get; set; }
    public List<string>? IniFilenames { get; set; }
    public int? MinimumSecretLength { get; set; }

    internal void WriteFields(GoJsonWriter json)
    {
        json.Strings("secret_directories", SecretDirectories);
        json.OptionalNumber("censoring_concurrency", CensoringConcurrency);
        json.OptionalNumber("censoring_buffer_size", CensoringBufferSize);
        json.Strings("include_directories", IncludeDirectories);
        json.Strings("exclude_directories", ExcludeDirectories);
        json.Strings("ini_filenames", IniFilenames);
        json.OptionalNumber("minimum_secret_length", MinimumSecretLength);
    }
}
