using System.Diagnostics;

namespace Prow.Silo.Tests.Adapters.Local;

/// <summary>
/// A bare repository <c>org/repo.git</c> under <c>&lt;root&gt;/origin</c> (so <see cref="BaseUrl"/> works as
/// the agent's git base URL) and a scratch clone to make commits with.
/// </summary>
internal sealed class GitRemote
{
    private readonly string _work;

    public GitRemote(string root, string org = "org", string repo = "repo")
    {
        var origin = Path.Combine(root, "origin");
        BareRepository = Path.Combine(origin, org, $"{repo}.git");
        BaseUrl = new Uri(origin + Path.DirectorySeparatorChar).AbsoluteUri.TrimEnd('/');
        _work = Path.Combine(root, $"work-{org}-{repo}");
        Directory.CreateDirectory(BareRepository);
        Directory.CreateDirectory(_work);
        Git(BareRepository, "init", "--bare", "--quiet", "--initial-branch=main");
        Git(_work, "init", "--quiet");
        Git(_work, "config", "user.name", "Test Author");
        Git(_work, "config", "user.email", "author@example.com");
    }

    /// <summary>file:// URL of the folder holding <c>org/repo.git</c>.</summary>
    public string BaseUrl { get; }

    public string BareRepository { get; }

    /// <summary>Commits <paramref name="files"/> on top of <paramref name="parent"/> (none: a root commit) and pushes it to <paramref name="pushTo"/>.</summary>
    public string Commit(string? parent, string pushTo, params (string Path, string Content)[] files)
    {
        if (parent is null) Git(_work, "checkout", "--quiet", "--orphan", $"root-{Guid.NewGuid():N}");
        else Git(_work, "checkout", "--quiet", "--detach", parent);
        foreach (var (path, content) in files)
        {
            var full = Path.Combine(_work, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content);
        }
        Git(_work, "add", "--all");
        Git(_work, "commit", "--quiet", "--allow-empty", "-m", $"change {string.Join(", ", files.Select(f => f.Path))}");
        var sha = Git(_work, "rev-parse", "HEAD").Trim();
        Git(_work, "push", "--quiet", "--force", BareRepository, $"{sha}:{pushTo}");
        return sha;
    }

    public static string Git(string directory, params string[] args)
    {
        var info = new ProcessStartInfo("git", args)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"git {string.Join(' ', args)} failed: {stderr}");
        return stdout.Result;
    }
}
