using Prow.Abstractions.Jobs;

namespace Prow.Silo.Adapters.Kubernetes.Decoration;

/// <summary>
/// Where initupload and sidecar upload to (Prow's <c>gcsupload.Options</c>): the items, the job's
/// <see cref="Abstractions.Jobs.GcsConfiguration"/> (inline in the JSON, as Go embeds it) and the
/// credential files mounted into the container.
/// </summary>
public sealed class GcsUploadOptions
{
    /// <summary>Files or directories to upload.</summary>
    public List<string>? Items { get; set; }

    /// <summary>Appended to the storage path.</summary>
    public string SubDir { get; set; } = "";

    public GcsConfiguration? GcsConfiguration { get; set; }
    public string GcsCredentialsFile { get; set; } = "";
    public string S3CredentialsFile { get; set; } = "";
    public bool DryRun { get; set; }

    /// <summary>A copy with its own item list (the configuration is shared, never changed here).</summary>
    public GcsUploadOptions Clone()
    {
        var copy = (GcsUploadOptions)MemberwiseClone();
        copy.Items = Items?.ToList();
        return copy;
    }

    internal void WriteFields(GoJsonWriter json)
    {
        json.Strings("items", Items);
        json.String("sub_dir", SubDir);
        json.InlineProwJobValue(GcsConfiguration);
        json.String("gcs_credentials_file", GcsCredentialsFile);
        json.String("s3_credentials_file", S3CredentialsFile);
        json.Bool("dry_run", DryRun, omitEmpty: false);
    }
}
