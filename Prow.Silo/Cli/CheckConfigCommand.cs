using Prow.Abstractions.Config;
using Prow.Abstractions.Config.Yaml;

namespace Prow.Silo.Cli;

/// <summary>
/// <c>prow checkconfig --config-path … [--job-config-path …] [--plugin-config …] [--strict]</c>:
/// loads and validates the configuration as the host would, prints every problem as
/// <c>file:line: key: problem</c> on stderr, and on success the counts of jobs and repos on stdout.
/// Exit code 1 on any error, 0 otherwise.
/// </summary>
public static class CheckConfigCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var flags = new FlagSet("checkconfig");
        var configPath = flags.String("config-path", null, "Path to config.yaml (required).");
        var jobConfigPath = flags.String("job-config-path", null, "Path to a job config file or a directory tree of them.");
        var pluginConfig = flags.String("plugin-config", null, "Path to plugins.yaml.");
        var strict = flags.Bool("strict", false, "Treat unknown keys as errors.");
        try
        {
            var positional = flags.Parse(args);
            if (positional.Count > 0) throw new UsageException($"unexpected argument \"{positional[0]}\"");
            if (string.IsNullOrEmpty(configPath.Value)) throw new UsageException("--config-path is required");
        }
        catch (HelpRequestedException)
        {
            stdout.WriteLine("Usage: prow checkconfig [flags]");
            stdout.WriteLine(flags.Usage());
            return 0;
        }
        catch (UsageException ex)
        {
            stderr.WriteLine($"checkconfig: {ex.Message}");
            stderr.WriteLine("Run 'prow checkconfig --help' for the flags.");
            return 2;
        }

        var paths = new ConfigPaths(configPath.Value!, jobConfigPath.Value, pluginConfig.Value);
        var result = ConfigLoader.Load(paths, strict.Value, DateTimeOffset.UtcNow);
        foreach (var diagnostic in result.Diagnostics.OrderBy(d => d.Severity == DiagnosticSeverity.Error ? 0 : 1)
                     .ThenBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line))
        {
            stderr.WriteLine(diagnostic.Severity == DiagnosticSeverity.Error ? diagnostic.ToString() : $"{diagnostic} (warning)");
        }
        var errors = result.Errors.Count();
        if (result.Snapshot is null)
        {
            stderr.WriteLine($"checkconfig: {errors} error(s), {result.Warnings.Count()} warning(s)");
            return 1;
        }

        var config = result.Snapshot.Config;
        stdout.WriteLine($"presubmits: {config.AllPresubmits().Count()}");
        stdout.WriteLine($"postsubmits: {config.AllPostsubmits().Count()}");
        stdout.WriteLine($"periodics: {config.Periodics.Count}");
        stdout.WriteLine($"repos: {config.Repos.Count}");
        stdout.WriteLine($"config OK ({result.Warnings.Count()} warning(s))");
        return 0;
    }
}
