namespace Prow.Abstractions.Config.Plugins;

/// <summary>The checks of the sections with nested structure: config_updater, require_matching_label, project_manager, label.</summary>
public sealed partial class PluginsConfigValidator
{
    private const int MaxPartitions = 256;

    private void ValidateConfigUpdater()
    {
        var updater = _config.ConfigUpdater;
        var keysByConfigMap = new Dictionary<(string Name, string Namespace, string Cluster), HashSet<string>>();
        foreach (var (file, spec) in updater.Maps)
        {
            var key = $"config_updater.maps.{file}";
            var line = spec.SourceLine == 0 ? updater.SourceLine : spec.SourceLine;
            if (spec.Name.Length > 0 && spec.PartitionedNames.Count > 0)
                Error(line, key, "'name' and 'partitioned_names' are mutually exclusive in the config_updater plugin configuration");
            if (spec.PartitionedNames.Count > MaxPartitions)
                Error(line, key + ".partitioned_names", $"at most {MaxPartitions} partitions are supported, but {spec.PartitionedNames.Count} are defined");
            if (spec.Clusters.Count > 0 && spec.ClusterGroups.Count > 0)
                Error(line, key, "contains both clusters and cluster_groups");
            else if (spec.Clusters.Count == 0)
            {
                for (var i = 0; i < spec.ClusterGroups.Count; i++)
                {
                    if (!updater.ClusterGroups.ContainsKey(spec.ClusterGroups[i]))
                        Error(line, $"{key}.cluster_groups[{i}]", $"references inexistent cluster group named {spec.ClusterGroups[i]}");
                }
            }

            var name = spec.Name.Length > 0 ? spec.Name : string.Join(",", spec.PartitionedNames);
            var dataKey = spec.Key.Length > 0 ? spec.Key : spec.UseFullPathAsKey ? file.Replace('/', '-') : BaseName(file);
            foreach (var (cluster, namespaces) in spec.Clusters)
            {
                foreach (var ns in namespaces)
                {
                    if (!keysByConfigMap.TryGetValue((name, ns, cluster), out var keys))
                        keysByConfigMap[(name, ns, cluster)] = keys = new HashSet<string>(StringComparer.Ordinal);
                    if (!keys.Add(dataKey))
                        Error(line, key, $"key {dataKey} in configmap {name} updated with more than one file");
                }
            }
        }
    }

    /// <summary>Go's <c>path.Base</c> for the slash-separated paths of config_updater.</summary>
    private static string BaseName(string path)
    {
        var trimmed = path.TrimEnd('/');
        if (trimmed.Length == 0) return path.Length == 0 ? "." : "/";
        var slash = trimmed.LastIndexOf('/');
        return slash < 0 ? trimmed : trimmed[(slash + 1)..];
    }

    private void ValidateRequireMatchingLabel()
    {
        for (var i = 0; i < _config.RequireMatchingLabel.Count; i++)
        {
            var rule = _config.RequireMatchingLabel[i];
            string? problem = null;
            if (rule.Org.Length == 0) problem = "must specify 'org'";
            else if (rule.Repo.Contains('/')) problem = "'repo' may not contain '/'; specify the organization with 'org'";
            else if (rule.Regexp.Length == 0) problem = "must specify 'regexp'";
            else if (rule.MissingLabel.Length == 0) problem = "must specify 'missing_label'";
            else if (rule.GracePeriod.Length == 0) problem = "must specify 'grace_period'";
            else if (!rule.Prs && !rule.Issues) problem = "must specify 'prs: true' and/or 'issues: true'";
            else if (!rule.Prs && rule.Branch.Length > 0) problem = "branch cannot be specified without `prs: true'";
            else if (rule.Re?.IsMatch(rule.MissingLabel) == true) problem = "'regexp' must not match 'missing_label'";
            if (problem is not null)
                Error(rule.SourceLine, $"require_matching_label[{i}]", problem);
        }
    }

    private void ValidateProjectManager()
    {
        foreach (var (orgRepo, managed) in _config.ProjectManager.OrgRepos)
        {
            var key = $"project_manager.orgsRepos.{orgRepo}";
            if (managed.Projects.Count == 0)
            {
                Error(managed.SourceLine, key, $"Org/repo: {orgRepo}, has no projects configured");
                continue;
            }
            foreach (var (projectName, project) in managed.Projects)
            {
                var projectKey = $"{key}.projects.{projectName}";
                if (project.Columns.Count == 0)
                {
                    Error(project.SourceLine, projectKey, $"Org/repo: {orgRepo}, project {projectName}, has no columns configured");
                    continue;
                }
                var labelSets = new List<HashSet<string>>();
                for (var i = 0; i < project.Columns.Count; i++)
                {
                    var column = project.Columns[i];
                    var columnKey = $"{projectKey}.columns[{i}]";
                    var where = $"Org/repo: {orgRepo}, project {projectName}, column {(column.Name.Length > 0 ? column.Name : i.ToString(System.Globalization.CultureInfo.InvariantCulture))}";
                    if (column.Id is null && column.Name.Length == 0)
                        Error(column.SourceLine, columnKey, $"{where}, has no name/id configured");
                    else if (column.Labels.Count == 0)
                        Error(column.SourceLine, columnKey, $"{where}, has no labels configured");
                    else if (column.Org.Length == 0)
                        Error(column.SourceLine, columnKey, $"{where}, has no org configured");
                    else
                    {
                        var labels = column.Labels.ToHashSet(StringComparer.Ordinal);
                        if (labelSets.Any(labels.SetEquals))
                            Error(column.SourceLine, columnKey, $"{where} has same labels configured as another column");
                        labelSets.Add(labels);
                    }
                }
            }
        }
    }

    /// <summary>
    /// label.restricted_labels: each entry names a label, at most once per scope (Prow refuses two entries for one
    /// label when it merges supplemental plugin configs), and someone must be allowed to set it.
    /// </summary>
    private void ValidateRestrictedLabels()
    {
        foreach (var (scope, labels) in _config.Label.RestrictedLabels)
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < labels.Count; i++)
            {
                var entry = labels[i];
                var key = $"label.restricted_labels.{scope}[{i}]";
                if (entry.Label.Trim().Length == 0)
                    Error(entry.SourceLine, key + ".label", "a restricted label needs a label name");
                else if (!seen.Add(entry.Label))
                    Error(entry.SourceLine, key + ".label", $"there are multiple label.restricted_labels configs for label {entry.Label}");
                else if (entry.AllowedTeams.Count == 0 && entry.AllowedUsers.Count == 0)
                    Warning(entry.SourceLine, key, $"no allowed_teams or allowed_users: nobody can set label {entry.Label}");
            }
        }
    }
}
