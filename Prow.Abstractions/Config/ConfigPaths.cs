namespace Prow.Abstractions.Config;

/// <summary>
/// Where the configuration lives, with Prow's flag names: <c>--config-path</c> (config.yaml, required),
/// <c>--job-config-path</c> (a file or a directory tree of job YAML files) and <c>--plugin-config</c> (plugins.yaml).
/// </summary>
public sealed record ConfigPaths(string ConfigPath, string? JobConfigPath = null, string? PluginConfigPath = null)
{
    /// <summary>Every path given (config, then jobs and plugins when set), for watching and fingerprinting.</summary>
    public IEnumerable<string> All()
    {
        yield return ConfigPath;
        if (!string.IsNullOrEmpty(JobConfigPath)) yield return JobConfigPath;
        if (!string.IsNullOrEmpty(PluginConfigPath)) yield return PluginConfigPath;
    }
}
