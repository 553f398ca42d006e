namespace Prow.Silo.Adapters.Kubernetes.Decoration;

/// <summary>initupload's configuration (Prow's <c>initupload.Options</c>), the INITUPLOAD_OPTIONS variable.</summary>
public sealed class InitUploadOptions
{
    public const string EnvVar = "INITUPLOAD_OPTIONS";

    /// <summary>Where to upload (inline in the JSON, as Go embeds it).</summary>
    public GcsUploadOptions? Options { get; set; }

    /// <summary>The clone records file to upload; empty when nothing was cloned.</summary>
    public string Log { get; set; } = "";

    /// <summary>The JSON initupload reads from <see cref="EnvVar"/>.</summary>
    public string Encode()
    {
        var json = new GoJsonWriter();
        Options?.WriteFields(json);
        json.String("log", Log);
        return json.Finish();
    }
}
