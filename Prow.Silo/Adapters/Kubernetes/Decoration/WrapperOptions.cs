namespace Prow.Silo.Adapters.Kubernetes.Decoration;

/// <summary>
/// One wrapped process (Prow's <c>wrapper.Options</c>): what entrypoint runs and where it leaves its log,
/// exit-code marker and metadata for sidecar. Part of ENTRYPOINT_OPTIONS and SIDECAR_OPTIONS' entries.
/// </summary>
public sealed class WrapperOptions
{
    /// <summary>The command and its arguments (the container's command followed by its args).</summary>
    public List<string>? Args { get; set; }

    public string ContainerName { get; set; } = "";
    public string ProcessLog { get; set; } = "";
    public string MarkerFile { get; set; } = "";
    public string MetadataFile { get; set; } = "";

    internal void WriteFields(GoJsonWriter json)
    {
        json.Strings("args", Args);
        json.String("container_name", ContainerName);
        json.String("process_log", ProcessLog, omitEmpty: false);
        json.String("marker_file", MarkerFile, omitEmpty: false);
        json.String("metadata_file", MetadataFile, omitEmpty: false);
    }
}
