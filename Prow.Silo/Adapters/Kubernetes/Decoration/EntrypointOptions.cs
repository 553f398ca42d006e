namespace Prow.Silo.Adapters.Kubernetes.Decoration;

/// <summary>
/// entrypoint's configuration (Prow's <c>entrypoint.Options</c>), the ENTRYPOINT_OPTIONS variable of
/// each test container. Durations are written as Go writes <c>time.Duration</c>: integer nanoseconds.
/// </summary>
public sealed class EntrypointOptions
{
    public const string EnvVar = "ENTRYPOINT_OPTIONS";

    /// <summary>When entrypoint interrupts the process.</summary>
    public TimeSpan Timeout { get; set; }

    /// <summary>How long after the interrupt entrypoint kills it.</summary>
    public TimeSpan GracePeriod { get; set; }

    public string ArtifactDir { get; set; } = "";
    public string PreviousMarker { get; set; } = "";
    public bool AlwaysZero { get; set; }
    public bool PropagateErrorCode { get; set; }
    public bool CopyModeOnly { get; set; }
    public string CopyDst { get; set; } = "";

    /// <summary>The wrapped process (inline in the JSON, as Go embeds it).</summary>
    public WrapperOptions? Wrapper { get; set; }

    public string Encode()
    {
        var json = new GoJsonWriter();
        json.Duration("timeout", Timeout);
        json.Duration("grace_period", GracePeriod);
        json.String("artifact_dir", ArtifactDir);
        json.String("previous_marker", PreviousMarker);
        json.Bool("always_zero", AlwaysZero);
        json.Bool("propagate_error_code", PropagateErrorCode);
        json.Bool("copy_mode_only", CopyModeOnly);
        json.String("copy_dst", CopyDst);
        Wrapper?.WriteFields(json);
        return json.Finish();
    }
}
