using Prow.Abstractions.Config.Jobs;
using Prow.Abstractions.Config.Yaml;
using YamlDotNet.RepresentationModel;

namespace Prow.Abstractions.Config;

/// <summary>
/// Loads config.yaml and the job configs like Prow's <c>config.Load</c>: read, merge, default,
/// validate. Every problem becomes a <see cref="ConfigDiagnostic"/> with the file and line.
/// </summary>
public static class ProwConfigLoader
{
    /// <summary>
    /// Reads config.yaml (required) and the job config path (optional: file or directory tree), merges
    /// inline jobs from config.yaml with the job files, applies presets and defaults, validates.
    /// Appends every problem to <paramref name="diagnostics"/>; returns null if config.yaml could not be
    /// read/parsed at all. Validation errors do not return null: the caller decides by looking for
    /// Error-severity diagnostics.
    /// </summary>
    public static ProwConfig? Load(string configPath, string? jobConfigPath, List<ConfigDiagnostic> diagnostics) =>
        Load(configPath, jobConfigPath, diagnostics, new ProwConfigLoadOptions());

    /// <inheritdoc cref="Load(string, string?, List{ConfigDiagnostic})"/>
    public static ProwConfig? Load(string configPath, string? jobConfigPath, List<ConfigDiagnostic> diagnostics, ProwConfigLoadOptions options)
    {
        var first = diagnostics.Count;
        var config = Read(configPath, jobConfigPath, diagnostics);
        if (config is not null)
        {
            var problems = new ConfigProblems(diagnostics, configPath);
            ComponentDefaults.Apply(config, problems, options.TimeProvider);
            JobDefaults.Apply(config, problems);
            JobValidator.Validate(config, problems);
        }
        if (options.Strict)
        {
            for (var i = first; i < diagnostics.Count; i++)
            {
                if (diagnostics[i].IsUnknownKey) diagnostics[i] = diagnostics[i] with { Severity = DiagnosticSeverity.Error };
            }
        }
        return config;
    }

    /// <summary>Reads and merges without defaulting or validating (Prow's loadConfig).</summary>
    public static ProwConfig? Read(string configPath, string? jobConfigPath, List<ConfigDiagnostic> diagnostics)
    {
        if (!File.Exists(configPath))
        {
            diagnostics.Add(ConfigDiagnostic.Error(configPath, 0, "(config)",
                Directory.Exists(configPath) ? "the prow config must be a file, not a directory" : "no such file"));
            return null;
        }
        var context = new YamlBindContext(configPath, diagnostics);
        var before = diagnostics.Count;
        string text;
        try
        {
            text = ReadMaybeGzip(configPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            diagnostics.Add(ConfigDiagnostic.Error(configPath, 0, "(config)", $"cannot read: {ex.Message}"));
            return null;
        }
        var root = YamlBinder.Parse(text, context);
        if (root is null && diagnostics.Skip(before).Any(d => d.Severity == DiagnosticSeverity.Error)) return null;
        if (root is not null and not YamlMappingNode)
        {
            context.Error(root, "(config)", "the prow config must be a mapping");
            return null;
        }
        var config = root is null ? new ProwConfig() : YamlBinder.Bind<ProwConfig>(root, context) ?? new ProwConfig();
        config.SourceFile = configPath;
        Normalize(config, configPath);

        if (!string.IsNullOrEmpty(jobConfigPath))
        {
            var files = JobConfigFiles.Find(jobConfigPath, diagnostics);
            // One file after the other on purpose: YamlDotNet interns every scalar (string.IsInterned
            // takes a process-wide lock), so parsing files on several threads was measured no faster.
            foreach (var file in files)
            {
                if (ReadJobFile(file, diagnostics) is { } jobs) Merge(config, jobs);
            }
        }
        CheckPresetLabels(config, new ConfigProblems(diagnostics, configPath));
        return config;
    }

    private static JobConfig? ReadJobFile(string path, List<ConfigDiagnostic> problems)
    {
        var context = new YamlBindContext(path, problems);
        string text;
        try
        {
            text = ReadMaybeGzip(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            problems.Add(ConfigDiagnostic.Error(path, 0, "(job config)", $"cannot read: {ex.Message}"));
            return null;
        }
        var root = YamlBinder.Parse(text, context);
        if (root is null) return null;
        if (root is not YamlMappingNode)
        {
            context.Error(root, "(job config)", "a job config file must be a mapping");
            return null;
        }
        var jobs = YamlBinder.Bind<JobConfig>(root, context);
        if (jobs is null) return null;
        Normalize(jobs, path);
        if (jobs.DecorateAllJobs)
        {
            problems.Add(ConfigDiagnostic.Warning(path, jobs.LineOf("decorate_all_jobs"), "decorate_all_jobs",
                "ignored in a job config file: Prow reads decorate_all_jobs from config.yaml only"));
        }
        return jobs;
    }

    /// <summary>Reads a file as UTF-8 text, gunzipping it first if it starts with the gzip magic bytes (as Prow does).</summary>
    public static string ReadMaybeGzip(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 2 || bytes[0] != 0x1F || bytes[1] != 0x8B) return DecodeUtf8(bytes);
        using var gzip = new System.IO.Compression.GZipStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
        return DecodeUtf8(output.ToArray());
    }

    private static string DecodeUtf8(byte[] bytes)
    {
        var hasBom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        return System.Text.Encoding.UTF8.GetString(bytes, hasBom ? 3 : 0, bytes.Length - (hasBom ? 3 : 0));
    }

    /// <summary>Replaces explicit nulls by empty collections, drops null list items, records each job's file.</summary>
    private static void Normalize(JobConfig jobs, string path)
    {
        jobs.Presets = jobs.Presets?.Where(p => p is not null).ToList() ?? [];
        jobs.Presubmits = (jobs.Presubmits ?? []).ToDictionary(p => p.Key, p => p.Value?.Where(j => j is not null).ToList() ?? [], StringComparer.Ordinal);
        jobs.Postsubmits = (jobs.Postsubmits ?? []).ToDictionary(p => p.Key, p => p.Value?.Where(j => j is not null).ToList() ?? [], StringComparer.Ordinal);
        jobs.Periodics = jobs.Periodics?.Where(j => j is not null).ToList() ?? [];
        foreach (var job in jobs.Presubmits.Values.SelectMany(j => j)) job.SourcePath = path;
        foreach (var job in jobs.Postsubmits.Values.SelectMany(j => j)) job.SourcePath = path;
        foreach (var job in jobs.Periodics) job.SourcePath = path;
    }

    /// <summary>Prow's mergeJobConfigs: presets and periodics appended, jobs appended per repo.</summary>
    private static void Merge(ProwConfig config, JobConfig jobs)
    {
        config.Presets.AddRange(jobs.Presets);
        config.Periodics.AddRange(jobs.Periodics);
        foreach (var (repo, list) in jobs.Presubmits)
        {
            if (config.Presubmits.TryGetValue(repo, out var existing)) existing.AddRange(list);
            else config.Presubmits[repo] = list;
        }
        foreach (var (repo, list) in jobs.Postsubmits)
        {
            if (config.Postsubmits.TryGetValue(repo, out var existing)) existing.AddRange(list);
            else config.Postsubmits[repo] = list;
        }
    }

    /// <summary>Two presets may not select on the same label:value pair.</summary>
    private static void CheckPresetLabels(ProwConfig config, ConfigProblems problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var preset in config.Presets)
        {
            foreach (var (label, value) in preset.Labels ?? [])
            {
                if (!seen.Add(label + ":" + value))
                    problems.Error(preset, "labels", $"duplicated preset 'label:value' pair: {label}:{value}");
            }
        }
    }
}
