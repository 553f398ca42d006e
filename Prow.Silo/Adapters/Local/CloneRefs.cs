using System.Globalization;

namespace Prow.Silo.Adapters.Local;

/// <summary>Runs one command of a run, logging it and its output; returns its exit code and (when asked) its output.</summary>
internal delegate Task<(int ExitCode, string Output)> RunCommand(
    string fileName, IReadOnlyList<string> arguments, string workingDirectory,
    IReadOnlyDictionary<string, string?> environment, bool quiet, CancellationToken cancellationToken);

/// <summary>
/// Checks out one ref the way Prow's clonerefs does (pkg/pod-utils/clone): init, fetch tags, fetch
/// and check out the base (base_sha when set, else base_ref) as branch base_ref, then for each pull
/// fetch it (its ref, else its sha, else pull/N/head) and <c>git merge --no-ff</c> it with commit
/// dates one second apart after the base's, then submodules. Fetches are retried.
/// </summary>
internal sealed class CloneRefs(LocalAgentOptions options, RunCommand run, RunLog log, TimeProvider time)
{
    /// <summary>Git never prompts, and ignores repository variables the host itself may have been started with.</summary>
    private static readonly IReadOnlyDictionary<string, string?> NoPrompt = new Dictionary<string, string?>
    {
        ["GIT_TERMINAL_PROMPT"] = "0",
        ["GIT_DIR"] = null,
        ["GIT_WORK_TREE"] = null,
        ["GIT_INDEX_FILE"] = null,
    };

    /// <summary>Null when checked out; otherwise why not (also written to the log).</summary>
    public async Task<string?> CheckoutAsync(LocalRunPlan.Checkout checkout, string workspace, CancellationToken cancellationToken)
    {
        var refs = checkout.Refs;
        var dir = checkout.Directory;
        log.Note($"checking out {refs.OrgRepo} ({refs}) from {checkout.RepositoryUri} into {Path.GetRelativePath(workspace, dir)}");
        Directory.CreateDirectory(dir);

        var sparse = refs.SparseCheckoutFiles is { Count: > 0 };
        var depth = sparse ? 1 : refs.CloneDepth;
        List<string> depthArgs = depth > 0 ? ["--depth", depth.ToString(CultureInfo.InvariantCulture)] : [];
        List<string> filterArgs = refs.BloblessFetch == true || sparse ? ["--filter=blob:none"] : [];

        var steps = new List<(string[] Args, bool Fetch)>
        {
            // Naming the unborn branch (git >= 2.28) spares every log git's hint about the default branch name.
            (["init", $"--initial-branch={(refs.BaseRef.Length > 0 ? refs.BaseRef : "main")}"], false),
            (["config", "user.name", options.GitUserName], false),
            (["config", "user.email", options.GitUserEmail], false),
        };
        if (sparse) steps.Add((["sparse-checkout", "init"], false));
        if (!refs.SkipFetchHead && !sparse) steps.Add(([ "fetch", .. depthArgs, .. filterArgs, checkout.RepositoryUri, "--tags", "--prune"], true));
        var target = refs.BaseSha.Length > 0 ? refs.BaseSha : "FETCH_HEAD";
        var fetchRef = refs.BaseSha.Length > 0 ? refs.BaseSha : refs.BaseRef;
        steps.Add(([ "fetch", .. depthArgs, .. filterArgs, .. (sparse ? new[] { "--no-tags" } : []), checkout.RepositoryUri, fetchRef], true));
        if (sparse) steps.Add(([ "sparse-checkout", "set", .. refs.SparseCheckoutFiles!], false));
        steps.Add((["checkout", target], false));
        if (refs.BaseRef.Length > 0)
        {
            steps.Add((["branch", "--force", refs.BaseRef, target], false));
            steps.Add((["checkout", refs.BaseRef], false));
        }
        foreach (var (args, fetch) in steps)
        {
            if (await GitAsync(dir, args, fetch, NoPrompt, cancellationToken) is { } failure) return failure;
        }

        var (code, output) = await run(options.GitExecutable, ["show", "-s", "--format=format:%ct", "HEAD"], dir, NoPrompt, quiet: true, cancellationToken);
        var timestamp = code == 0 && long.TryParse(output.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var t)
            ? t
            : time.GetUtcNow().ToUnixTimeSeconds();

        foreach (var pull in refs.Pulls ?? [])
        {
            var pullRef = pull.Ref.Length > 0 ? pull.Ref : pull.Sha.Length > 0 ? pull.Sha : $"pull/{pull.Number}/head";
            if (await GitAsync(dir, [ "fetch", .. (refs.BloblessFetch == true ? new[] { "--filter=blob:none" } : []), checkout.RepositoryUri, pullRef], true, NoPrompt, cancellationToken) is { } fetchFailure)
                return fetchFailure;
            timestamp++;
            var date = $"@{timestamp} +0000";
            var mergeEnv = new Dictionary<string, string?>(NoPrompt) { ["GIT_AUTHOR_DATE"] = date, ["GIT_COMMITTER_DATE"] = date };
            if (await GitAsync(dir, ["merge", "--no-ff", pull.Sha.Length > 0 ? pull.Sha : "FETCH_HEAD"], false, mergeEnv, cancellationToken) is { } mergeFailure)
                return $"pull #{pull.Number} does not merge into {refs.BaseRef}: {mergeFailure}";
        }

        if (!refs.SkipSubmodules && !sparse)
        {
            if (await GitAsync(dir, ["submodule", "update", "--init", "--recursive"], false, NoPrompt, cancellationToken) is { } failure) return failure;
        }
        return null;
    }

    private async Task<string?> GitAsync(string dir, string[] args, bool retry, IReadOnlyDictionary<string, string?> env, CancellationToken cancellationToken)
    {
        var delays = retry ? options.FetchRetries : [];
        for (var attempt = 0; ; attempt++)
        {
            log.Note("$ git " + string.Join(' ', args));
            var (code, _) = await run(options.GitExecutable, args, dir, env, quiet: false, cancellationToken);
            if (code == 0) return null;
            if (attempt >= delays.Count) return $"git {args[0]} exited with code {code}";
            log.Note($"git {args[0]} exited with code {code}; retrying in {delays[attempt].TotalSeconds:0.###}s");
            await Task.Delay(delays[attempt], time, cancellationToken);
        }
    }
}
