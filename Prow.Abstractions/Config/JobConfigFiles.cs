using Prow.Abstractions.Config.Yaml;

namespace Prow.Abstractions.Config;

/// <summary>
/// Finds the job config files under --job-config-path the way Prow walks it: depth first, entries in
/// name order; only *.yaml and *.yml; names starting with ".." skipped (Kubernetes ConfigMap
/// internals); symlinked directories not followed; paths matched by a <c>.prowignore</c> of their
/// directory or an ancestor skipped; two files with the same name anywhere in the tree are an error
/// (Prow's config-updater keys its ConfigMap by file name). A file path is used as the only file.
/// </summary>
public static class JobConfigFiles
{
    public static List<string> Find(string jobConfigPath, List<ConfigDiagnostic> diagnostics)
    {
        var files = new List<string>();
        if (File.Exists(jobConfigPath))
        {
            files.Add(jobConfigPath);
            return files;
        }
        if (!Directory.Exists(jobConfigPath))
        {
            diagnostics.Add(ConfigDiagnostic.Error(jobConfigPath, 0, "(job config)", "no such file or directory"));
            return files;
        }
        var basenames = new Dictionary<string, string>(StringComparer.Ordinal);
        Walk(jobConfigPath, [], files, basenames, diagnostics);
        return files;
    }

    private static void Walk(
        string directory, List<(string Dir, ProwIgnore Rules)> ignores, List<string> files,
        Dictionary<string, string> basenames, List<ConfigDiagnostic> diagnostics)
    {
        var ignoreFile = Path.Combine(directory, ProwIgnore.FileName);
        var scoped = ignores;
        if (File.Exists(ignoreFile))
            scoped = [.. ignores, (directory, ProwIgnore.Parse(File.ReadAllText(ignoreFile)))];

        var entries = new DirectoryInfo(directory).EnumerateFileSystemInfos()
            .OrderBy(e => e.Name, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (entry.Name.StartsWith("..", StringComparison.Ordinal)) continue;
            var path = Path.Combine(directory, entry.Name);
            var isDirectory = entry is DirectoryInfo;
            if (isDirectory)
            {
                if (entry.LinkTarget is not null || IsIgnored(path, true, scoped)) continue;
                Walk(path, scoped, files, basenames, diagnostics);
                continue;
            }
            var extension = Path.GetExtension(entry.Name);
            if (extension is not (".yaml" or ".yml") || IsIgnored(path, false, scoped)) continue;
            if (basenames.TryGetValue(entry.Name, out var first))
            {
                diagnostics.Add(ConfigDiagnostic.Error(path, 0, "(job config)",
                    $"duplicated basename is not allowed: {entry.Name} (also {first})"));
                continue;
            }
            basenames[entry.Name] = path;
            files.Add(path);
        }
    }

    private static bool IsIgnored(string path, bool isDirectory, List<(string Dir, ProwIgnore Rules)> ignores)
    {
        bool? ignored = null;
        foreach (var (dir, rules) in ignores)
        {
            var relative = Path.GetRelativePath(dir, path).Replace(Path.DirectorySeparatorChar, '/');
            ignored = rules.Match(relative, isDirectory) ?? ignored;
        }
        return ignored == true;
    }
}
