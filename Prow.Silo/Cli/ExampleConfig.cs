using Prow.Abstractions.Config;

namespace Prow.Silo.Cli;

/// <summary>
/// The example configuration the host starts with when no --config-path is given:
/// <c>examples/</c> in the working directory, else the copy shipped beside the executable.
/// </summary>
public static class ExampleConfig
{
    public static ConfigPaths? Locate()
    {
        foreach (var root in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            var dir = Path.Combine(root, "examples");
            var config = Path.Combine(dir, "config.yaml");
            if (!File.Exists(config)) continue;
            var jobs = Path.Combine(dir, "jobs");
            var plugins = Path.Combine(dir, "plugins.yaml");
            return new ConfigPaths(
                Path.GetRelativePath(Directory.GetCurrentDirectory(), config),
                Directory.Exists(jobs) ? Path.GetRelativePath(Directory.GetCurrentDirectory(), jobs) : null,
                File.Exists(plugins) ? Path.GetRelativePath(Directory.GetCurrentDirectory(), plugins) : null);
        }
        return null;
    }
}
