namespace Prow.Silo.Adapters.Kubernetes.Decoration;

/// <summary>
/// sidecar's configuration (Prow's <c>sidecar.Options</c>), the SIDECAR_OPTIONS variable: where to
/// upload, which wrapped processes to wait for, and what to censor. Prow's deprecated fields
/// (wrapper_options, top-level censoring fields) are never written by decoration and are not modelled.
/// </summary>
public sealed class SidecarOptions
{
    public const string EnvVar = "SIDECAR_OPTIONS";

    public GcsUploadOptions? GcsOptions { get; set; }
    public List<WrapperOptions>? Entries { get; set; }

    /// <summary>Fail when any entry failed (otherwise sidecar exits cleanly once the upload is done).</summary>
    public bool EntryError { get; set; }

    /// <summary>Keep waiting for the entries on SIGINT/SIGTERM (upload_ignores_interrupts).</summary>
    public bool IgnoreInterrupts { get; set; }

    public bool WriteMemoryProfile { get; set; }
    public SidecarCensoringOptions? CensoringOptions { get; set; }

    public string Encode()
    {
        var json = new GoJsonWriter();
        if (GcsOptions is null) json.Writer.WriteNull("gcs_options");
        else json.Object("gcs_options", GcsOptions.WriteFields);
        json.Objects("entries", Entries, static (j, entry) => entry.WriteFields(j));
        json.Bool("entry_error", EntryError);
        json.Bool("ignore_interrupts", IgnoreInterrupts);
        json.Bool("write_memory_profile", WriteMemoryProfile);
        if (CensoringOptions is not null) json.Object("censoring_options", CensoringOptions.WriteFields);
        return json.Finish();
    }
}
