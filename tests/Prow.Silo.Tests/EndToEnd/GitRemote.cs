using System.Diagnostics;
using Prow.TestSupport;

namespace Prow.Silo.Tests.EndToEnd;

/// <summary>
/// A real git repository in a temporary folder, standing for the GitHub repository jobs clone: a commit on
/// <c>main</c> and a pull request branch with one more commit on top.
/// </summary>
public sealed class GitRemote
{
    private readonly string _path;

    private GitRemote(string path) => _path = path;

    /// <summary>The repository's URI, as a job's <c>clone_uri</c>.</summary>
    public string CloneUri => new Uri(_path).AbsoluteUri;

    public string BaseSha { get; private set; } = "";

    public string HeadSha { get; private set; } = "";

    public const string HeadRef = "feature";

    public static async Task<GitRemote> CreateAsync(TempDirectory dir, IReadOnlyDictionary<string, string> baseFiles, IReadOnlyDictionary<string, string> prFiles)
    {
        var remote = new GitRemote(dir.Combine("remote"));
        Directory.CreateDirectory(remote._path);
        await remote.GitAsync("init", "--quiet", "--initial-branch=main");
        remote.BaseSha = await remote.CommitAsync(baseFiles, "Initial commit");
        await remote.GitAsync("checkout", "--quiet", "-b", HeadRef);
        remote.HeadSha = await remote.CommitAsync(prFiles, "The pull request's change");
        await remote.GitAsync("checkout", "--quiet", "main");
        return remote;
    }

    private async Task<string> CommitAsync(IReadOnlyDictionary<string, string> files, string message)
    {
        foreach (var (name, content) in files) await File.WriteAllTextAsync(Path.Combine(_path, name), content);
        await GitAsync("add", "--all");
        await GitAsync("-c", "user.name=E2E Author", "-c", "user.email=author@example.com", "commit", "--quiet", "-m", message);
        return (await GitAsync("rev-parse", "HEAD")).Trim();
    }

    private async Task<string> GitAsync(params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = _path, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"git {string.Join(' ', args)} exited with {process.ExitCode}: {await error}");
        return await output;
    }
}
