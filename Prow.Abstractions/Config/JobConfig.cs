using System.Text.Json.Nodes;
using Prow.Abstractions.Config.Jobs;
using Prow.Abstractions.Config.Yaml;

namespace Prow.Abstractions.Config;

/// <summary>The keys of a job config file (also allowed inline in config.yaml).</summary>
public class JobConfig : SourceLocated
{
    /// <summary>Presets apply to jobs of every type.</summary>
    public List<Preset> Presets { get; set; } = [];

    /// <summary>Presubmits by repo ("org/repo", or "https://host/repo" for Gerrit).</summary>
    public Dictionary<string, List<Presubmit>> Presubmits { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Postsubmits by repo.</summary>
    public Dictionary<string, List<Postsubmit>> Postsubmits { get; set; } = new(StringComparer.Ordinal);

    public List<Periodic> Periodics { get; set; } = [];

    /// <summary>Decorate every job that does not say otherwise.</summary>
    public bool DecorateAllJobs { get; set; }

    /// <summary>A well-known key Prow never reads: room for tools' own data without unknown-key errors.</summary>
    public JsonNode? ProwIgnored { get; set; }
}
