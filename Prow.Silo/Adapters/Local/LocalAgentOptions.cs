namespace Prow.Silo.Adapters.Local;

/// <summary>Settings of the <c>local</c> build agent (<see cref="LocalProcessCluster"/>).</summary>
public sealed record LocalAgentOptions
{
    /// <summary>clonerefs' fetch retry delays (pkg/pod-utils/clone): about a minute in all.</summary>
    public static readonly IReadOnlyList<TimeSpan> CloneRefsFetchRetries =
    [
        TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(400),
        TimeSpan.FromMilliseconds(800), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5),
        TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30),
    ];

    /// <summary>Where runs live: <c>&lt;DataDirectory&gt;/jobs/&lt;job name&gt;/</c> (workspace, log, result). One host per directory.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>
    /// Base URL repositories are cloned from when a ref has no <c>clone_uri</c>:
    /// <c>&lt;GitBaseUrl&gt;/&lt;org&gt;/&lt;repo&gt;.git</c> (a mirror, GitHub Enterprise, a folder of bare
    /// repositories). Null: clonerefs' rule, <c>repo_link</c> + ".git" or https://github.com/org/repo.git.
    /// </summary>
    public string? GitBaseUrl { get; init; }

    /// <summary>The git identity of the merge commits (clonerefs' defaults).</summary>
    public string GitUserName { get; init; } = "ci-robot";

    public string GitUserEmail { get; init; } = "ci-robot@k8s.io";

    /// <summary>The git executable (looked up on PATH when not a path).</summary>
    public string GitExecutable { get; init; } = "git";

    /// <summary>Delays between attempts of a failed <c>git fetch</c>; empty: no retry.</summary>
    public IReadOnlyList<TimeSpan> FetchRetries { get; init; } = CloneRefsFetchRetries;

    /// <summary>
    /// How long to keep reading a process's output after it exited: a background child that kept
    /// the pipes open is left behind (there is no container to end it) and its later output dropped.
    /// </summary>
    public TimeSpan OutputDrainTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Folder of all runs.</summary>
    internal string JobsDirectory => Path.Combine(DataDirectory, "jobs");
}
