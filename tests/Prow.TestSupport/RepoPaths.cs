namespace Prow.TestSupport;

/// <summary>
/// Locates the repository root (the folder holding Prow.sln) and the shared corpus beside it
/// (<c>../shared/corpus</c>), or the folder named by PROW_CORPUS_DIR.
/// </summary>
public static class RepoPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Corpus
    {
        get
        {
            var fromEnv = Environment.GetEnvironmentVariable("PROW_CORPUS_DIR");
            var path = string.IsNullOrEmpty(fromEnv) ? Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "corpus")) : fromEnv;
            if (!Directory.Exists(path))
                throw new DirectoryNotFoundException($"shared corpus not found at {path} (expected ../shared/corpus beside the repository, or set PROW_CORPUS_DIR)");
            return path;
        }
    }

    public static string CorpusFile(params string[] parts) => Path.Combine([Corpus, .. parts]);

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Prow.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("Prow.sln not found above " + AppContext.BaseDirectory);
    }
}
