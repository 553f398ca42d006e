using System.Text.RegularExpressions;
using Prow.Abstractions.Jobs;
using Prow.Grains.Ports;

namespace Prow.Silo.Adapters.Local;

/// <summary>
/// Everything a run needs, worked out from the ProwJob before anything is created, so a job the
/// local agent cannot run is refused up front (plank: "Pod can not be created: …").
/// </summary>
internal sealed partial record LocalRunPlan(
    string Name,
    string BuildId,
    string Directory,
    IReadOnlyList<LocalRunPlan.Checkout> Checkouts,
    IReadOnlyList<LocalRunPlan.Step> Containers,
    IReadOnlyList<string> Notes)
{
    /// <summary>A ref to check out: where from and into which folder of the workspace.</summary>
    public sealed record Checkout(Refs Refs, string RepositoryUri, string Directory);

    /// <summary>A container as a process: program, arguments, working folder, environment over the host's (null: removed).</summary>
    public sealed record Step(string Container, string FileName, IReadOnlyList<string> Arguments, string WorkingDirectory, IReadOnlyDictionary<string, string?> Environment);

    public string LogPath => Path.Combine(Directory, LocalProcessCluster.LogFileName);
    public string ArtifactsDirectory => Path.Combine(Directory, "artifacts");

    /// <summary>The run directory of job <paramref name="name"/>; throws a permanent <see cref="BuildClusterException"/> for a name that is not one folder name.</summary>
    public static string DirectoryFor(LocalAgentOptions options, string name)
    {
        if (!ValidName().IsMatch(name))
            throw new BuildClusterException($"job name \"{name}\" is not a Kubernetes object name the local agent can use as a folder", permanent: true);
        return Path.Combine(options.JobsDirectory, name);
    }

    public static LocalRunPlan Create(ProwJob job, LocalAgentOptions options)
    {
        var directory = Path.GetFullPath(DirectoryFor(options, job.Name));
        try
        {
            var refs = new List<Refs>();
            if (job.Spec.Refs is { } primary) refs.Add(primary);
            refs.AddRange(job.Spec.ExtraRefs ?? []);
            var checkouts = refs.Select(r => new Checkout(r, RepositoryUri(r, options), CheckoutDirectory(directory, r))).ToList();

            // decorate's workdir: the ref marked workdir, else the first, else the workspace itself.
            var workDir = checkouts.FirstOrDefault(c => c.Refs.WorkDir)?.Directory ?? checkouts.FirstOrDefault()?.Directory ?? directory;
            var (containers, notes) = LocalContainer.FromPodSpec(job.Spec.PodSpec);
            var prowEnv = JobEnvironment.ForJob(job);
            prowEnv["ARTIFACTS"] = Path.Combine(directory, "artifacts");
            // decorate points GOPATH at the folder holding src/ (its /home/prow/go); so do we, for decorated jobs.
            if (job.Spec.DecorationConfig is not null) prowEnv["GOPATH"] = directory;

            var steps = containers.Select(c =>
            {
                var env = c.Environment(prowEnv);
                var command = c.Command.Select(part => LocalContainer.Expand(part, env)).ToList();
                var workingDirectory = c.WorkingDir.Length > 0 ? Path.GetFullPath(c.WorkingDir, directory) : workDir;
                var fileName = command[0].Contains('/', StringComparison.Ordinal) || command[0].Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal)
                    ? Path.GetFullPath(command[0], workingDirectory)
                    : command[0];
                var processEnv = JobEnvironment.AllNames.Where(n => !env.ContainsKey(n)).ToDictionary(n => n, string? (_) => null);
                foreach (var (name, value) in env) processEnv[name] = value;
                return new Step(c.Name, fileName, command.Skip(1).ToList(), workingDirectory, processEnv);
            }).ToList();
            return new LocalRunPlan(job.Name, job.Status.BuildId, directory, checkouts, steps, notes);
        }
        catch (FormatException e)
        {
            throw new BuildClusterException(e.Message, permanent: true, e);
        }
    }

    /// <summary>clone_uri; else <see cref="LocalAgentOptions.GitBaseUrl"/>/org/repo.git; else clonerefs' repo_link.git or https://github.com/org/repo.git.</summary>
    public static string RepositoryUri(Refs refs, LocalAgentOptions options)
    {
        if (refs.CloneUri.Length > 0) return refs.CloneUri;
        if (!string.IsNullOrEmpty(options.GitBaseUrl)) return $"{options.GitBaseUrl.TrimEnd('/')}/{refs.Org}/{refs.Repo}.git";
        if (refs.RepoLink.Length > 0) return refs.RepoLink + ".git";
        return $"https://github.com/{refs.Org}/{refs.Repo}.git";
    }

    /// <summary>clonerefs' PathForRefs: src/ + path_alias, else repo_link without its scheme, else github.com/org/repo.</summary>
    public static string CheckoutDirectory(string workspace, Refs refs)
    {
        var relative = refs.PathAlias.Length > 0 ? refs.PathAlias
            : refs.RepoLink.Length > 0 ? refs.RepoLink.Split("://")[^1]
            : $"github.com/{refs.Org}/{refs.Repo}";
        var src = Path.Combine(workspace, "src");
        var full = Path.GetFullPath(relative, src);
        if (!full.StartsWith(src + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new FormatException($"refs {refs.OrgRepo}: path \"{relative}\" leads outside the workspace");
        return full;
    }

    [GeneratedRegex("^[A-Za-z0-9]([A-Za-z0-9._-]{0,251}[A-Za-z0-9])?$")]
    private static partial Regex ValidName();
}
