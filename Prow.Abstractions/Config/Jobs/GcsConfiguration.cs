namespace Prow.Abstractions.Config.Jobs;

/// <summary>Where logs and artifacts are uploaded.</summary>
public sealed class GcsConfiguration
{
    /// <summary>gs://bucket, s3://bucket, or a bare GCS bucket name (deprecated).</summary>
    public string Bucket { get; set; } = "";
    public string PathPrefix { get; set; } = "";

    /// <summary>legacy, single or explicit.</summary>
    public string PathStrategy { get; set; } = "";
    public string DefaultOrg { get; set; } = "";
    public string DefaultRepo { get; set; } = "";

    [YamlDotNet.Serialization.YamlMember(Alias = "mediaTypes")]
    public Dictionary<string, string>? MediaTypes { get; set; }

    public string JobUrlPrefix { get; set; } = "";
    public string LocalOutputDir { get; set; } = "";
    public List<string>? CompressFileTypes { get; set; }

    public GcsConfiguration Clone()
    {
        var copy = (GcsConfiguration)MemberwiseClone();
        copy.MediaTypes = MediaTypes is null ? null : new(MediaTypes);
        copy.CompressFileTypes = CompressFileTypes?.ToList();
        return copy;
    }

    public static GcsConfiguration? Merge(GcsConfiguration? value, GcsConfiguration? defaults)
    {
        if (value is null) return defaults?.Clone();
        var m = value.Clone();
        if (defaults is null) return m;
        if (m.Bucket.Length == 0) m.Bucket = defaults.Bucket;
        if (m.PathPrefix.Length == 0) m.PathPrefix = defaults.PathPrefix;
        if (m.PathStrategy.Length == 0) m.PathStrategy = defaults.PathStrategy;
        if (m.DefaultOrg.Length == 0) m.DefaultOrg = defaults.DefaultOrg;
        if (m.DefaultRepo.Length == 0) m.DefaultRepo = defaults.DefaultRepo;
        if (defaults.MediaTypes is { Count: > 0 })
        {
            m.MediaTypes ??= [];
            foreach (var (k, v) in defaults.MediaTypes) m.MediaTypes[k] = v;
        }
        if (m.JobUrlPrefix.Length == 0) m.JobUrlPrefix = defaults.JobUrlPrefix;
        if (m.LocalOutputDir.Length == 0) m.LocalOutputDir = defaults.LocalOutputDir;
        m.CompressFileTypes ??= defaults.CompressFileTypes?.ToList();
        return m;
    }
}
