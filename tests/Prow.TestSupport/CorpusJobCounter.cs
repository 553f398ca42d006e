using YamlDotNet.RepresentationModel;

namespace Prow.TestSupport;

/// <summary>An independent count of job entries in Prow job config files, to cross-check the loader and checkconfig.</summary>
public static class CorpusJobCounter
{
    /// <summary>
    /// Counts job entries straight from the YAML, without the loader or the models: list lengths
    /// under the mapping values of <c>presubmits:</c> and <c>postsubmits:</c>, lengths of
    /// <c>periodics:</c>, and the distinct repo keys of both mappings.
    /// </summary>
    public static (int Presubmits, int Postsubmits, int Periodics, int Repos) Count(IEnumerable<string> files)
    {
        int presubmits = 0, postsubmits = 0, periodics = 0;
        var repos = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(File.ReadAllText(file)));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root) continue;
            foreach (var (key, value) in root.Children)
            {
                switch (((YamlScalarNode)key).Value)
                {
                    case "presubmits" when value is YamlMappingNode byRepo:
                        presubmits += CountPerRepo(byRepo, repos);
                        break;
                    case "postsubmits" when value is YamlMappingNode byRepo:
                        postsubmits += CountPerRepo(byRepo, repos);
                        break;
                    case "periodics" when value is YamlSequenceNode list:
                        periodics += list.Children.Count;
                        break;
                }
            }
        }
        return (presubmits, postsubmits, periodics, repos.Count);
    }

    private static int CountPerRepo(YamlMappingNode byRepo, HashSet<string> repos)
    {
        var count = 0;
        foreach (var (repo, jobs) in byRepo.Children)
        {
            if (jobs is not YamlSequenceNode list) continue;
            repos.Add(((YamlScalarNode)repo).Value!);
            count += list.Children.Count;
        }
        return count;
    }
}
