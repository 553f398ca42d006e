namespace Prow.Abstractions.Config.Jobs;

/// <summary>Images of the pod utilities.</summary>
public sealed class UtilityImages
{
    [YamlDotNet.Serialization.YamlMember(Alias = "clonerefs")]
    public string CloneRefs { get; set; } = "";

    [YamlDotNet.Serialization.YamlMember(Alias = "initupload")]
    public string InitUpload { get; set; } = "";

    public string Entrypoint { get; set; } = "";
    public string Sidecar { get; set; } = "";

    public UtilityImages Clone() => (UtilityImages)MemberwiseClone();

    public static UtilityImages? Merge(UtilityImages? value, UtilityImages? defaults)
    {
        if (value is null) return defaults?.Clone();
        var m = value.Clone();
        if (defaults is null) return m;
        if (m.CloneRefs.Length == 0) m.CloneRefs = defaults.CloneRefs;
        if (m.InitUpload.Length == 0) m.InitUpload = defaults.InitUpload;
        if (m.Entrypoint.Length == 0) m.Entrypoint = defaults.Entrypoint;
        if (m.Sidecar.Length == 0) m.Sidecar = defaults.Sidecar;
        return m;
    }
}
