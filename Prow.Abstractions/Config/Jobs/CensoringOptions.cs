namespace Prow.Abstractions.Config.Jobs;

/// <summary>Options for censoring secrets out of logs and artifacts.</summary>
public sealed class CensoringOptions
{
    public long? CensoringConcurrency { get; set; }
    public int? CensoringBufferSize { get; set; }
    public List<string>? IncludeDirectories { get; set; }
    public List<string>? ExcludeDirectories { get; set; }
    public int? MinimumSecretLength { get; set; }

    public CensoringOptions Clone()
    {
        var copy = (CensoringOptions)MemberwiseClone();
        copy.IncludeDirectories = IncludeDirectories?.ToList();
        copy.ExcludeDirectories = ExcludeDirectories?.ToList();
        return copy;
    }

    public static CensoringOptions? Merge(CensoringOptions? value, CensoringOptions? defaults)
    {
        if (value is null) return defaults?.Clone();
        var m = value.Clone();
        if (defaults is null) return m;
        m.CensoringConcurrency ??= defaults.CensoringConcurrency;
        m.CensoringBufferSize ??= defaults.CensoringBufferSize;
        m.IncludeDirectories ??= defaults.IncludeDirectories?.ToList();
        m.ExcludeDirectories ??= defaults.ExcludeDirectories?.ToList();
        m.MinimumSecretLength ??= defaults.MinimumSecretLength;
        return m;
    }
}
