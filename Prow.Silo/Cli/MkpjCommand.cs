using Prow.Abstractions.Config;
using Prow.Abstractions.Config.Jobs;
using Refs = Prow.Abstractions.Jobs.Refs;
using Pull = Prow.Abstractions.Jobs.Pull;
using Prow.Abstractions.Config.Yaml;
using Prow.Abstractions.Jobs;
using Prow.Abstractions.Jobs.Grains;
using Prow.Grains.Jobs;
using Prow.Grains.Ports;
using Prow.Silo.Adapters.GitHub;

namespace Prow.Silo.Cli;

/// <summary>
/// <c>prow mkpj --config-path … --job NAME [--pull-number N] …</c>: Prow's mkpj. Builds the ProwJob
/// for a configured job as trigger/horologium would and prints it as YAML; with
/// <c>--trigger-job</c> submits it to a running silo (its Orleans gateway port) and follows it to the
/// end. Missing refs (a PR's author, head SHA, base ref/SHA; a branch's SHA) are looked up on GitHub
/// when a token is given; Prow's interactive prompts are not repeated: a missing value is an error
/// that names the flag to pass.
/// </summary>
public static class MkpjCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, Func<string, IGitHub?>? gitHubFactory = null)
    {
        var flags = new FlagSet("mkpj");
        var configPath = flags.String("config-path", null, "Path to config.yaml (required).");
        var jobConfigPath = flags.String("job-config-path", null, "Path to a job config file or a directory tree of them.");
        var jobName = flags.String("job", null, "Job to run (required).");
        var repoFlag = flags.String("repo", null, "org/repo of the job, when a presubmit or postsubmit of that name exists for several repos.");
        var baseRef = flags.String("base-ref", null, "Git base ref under test.");
        var baseSha = flags.String("base-sha", null, "Git base SHA under test.");
        var pullNumber = flags.Int("pull-number", 0, "Git pull number under test.");
        var pull = flags.Int("pull", 0, "Same as --pull-number.");
        var pullSha = flags.String("pull-sha", null, "Git pull SHA under test.");
        var pullAuthor = flags.String("pull-author", null, "Git pull author under test.");
        var pullHeadRef = flags.String("pull-head-ref", null, "Git branch name of the proposed change.");
        var token = flags.String("github-token-path", null, "Path to a GitHub token, to look up what the flags leave out.");
        var endpoints = flags.Strings("github-endpoint", ["https://api.github.com"], "GitHub's API endpoint.");
        var trigger = flags.Bool("trigger-job", false, "Submit the job to the running Prow and wait for its result.");
        var failWithJob = flags.Bool("fail-with-job", false, "With --trigger-job: exit 1 unless the job succeeds.");
        var gatewayPort = flags.Int("orleans-gateway-port", 30000, "With --trigger-job: the silo's Orleans gateway port on localhost.");
        try
        {
            var positional = flags.Parse(args);
            if (positional.Count > 0) throw new UsageException($"unexpected argument \"{positional[0]}\"");
            if (string.IsNullOrEmpty(configPath.Value)) throw new UsageException("--config-path is required");
            if (string.IsNullOrEmpty(jobName.Value)) throw new UsageException("required flag --job was unset");
            if (pull.WasSet && pullNumber.WasSet && pull.Value != pullNumber.Value) throw new UsageException("--pull and --pull-number disagree");
            if (pull.Value < 0 || pullNumber.Value < 0) throw new UsageException("--pull-number must be positive");
            if (repoFlag.Value is { } r && r.Split('/') is not [{ Length: > 0 }, { Length: > 0 }])
                throw new UsageException($"--repo \"{r}\": expected org/repo");
        }
        catch (HelpRequestedException)
        {
            stdout.WriteLine("Usage: prow mkpj [flags]");
            stdout.WriteLine(flags.Usage());
            return 0;
        }
        catch (UsageException ex)
        {
            stderr.WriteLine($"mkpj: {ex.Message}");
            stderr.WriteLine("Run 'prow mkpj --help' for the flags.");
            return 2;
        }

        var load = ConfigLoader.Load(new ConfigPaths(configPath.Value!, jobConfigPath.Value, null), strict: false, DateTimeOffset.UtcNow);
        if (load.Snapshot is null)
        {
            foreach (var d in load.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)) stderr.WriteLine(d.ToString());
            stderr.WriteLine("mkpj: the configuration has errors");
            return 1;
        }
        var config = load.Snapshot.Config;

        var request = new MkpjRequest(jobName.Value!, repoFlag.Value, baseRef.Value, baseSha.Value,
            pullNumber.Value != 0 ? pullNumber.Value : pull.Value, pullSha.Value, pullAuthor.Value, pullHeadRef.Value);
        IGitHub? github = null;
        if (!string.IsNullOrEmpty(token.Value))
        {
            github = gitHubFactory?.Invoke(token.Value) ?? new ServiceCollection()
                .AddLogging()
                .AddProwGitHub(new GitHubClientOptions { TokenPath = token.Value, Endpoints = endpoints.Value })
                .BuildServiceProvider()
                .GetRequiredService<IGitHub>();
        }

        ProwJob job;
        try
        {
            job = await BuildAsync(config, request, github, TimeProvider.System);
        }
        catch (MkpjException e)
        {
            stderr.WriteLine($"mkpj: {e.Message}");
            return 1;
        }
        catch (Exception e) when (e is GitHubException or HttpRequestException)
        {
            stderr.WriteLine($"mkpj: looking up the refs on GitHub failed: {e.Message}");
            return 1;
        }

        if (!trigger.Value)
        {
            stdout.Write(ProwJobJson.ToYaml(job));
            return 0;
        }
        return await TriggerAsync(job, gatewayPort.Value, failWithJob.Value, stdout, stderr);
    }

    /// <summary>What the flags asked for.</summary>
    public sealed record MkpjRequest(
        string Job, string? Repo = null, string? BaseRef = null, string? BaseSha = null,
        int PullNumber = 0, string? PullSha = null, string? PullAuthor = null, string? PullHeadRef = null);

    public sealed class MkpjException(string message) : Exception(message);

    /// <summary>Finds the job and builds its ProwJob, looking up missing refs on <paramref name="github"/>.</summary>
    public static async Task<ProwJob> BuildAsync(ProwConfig config, MkpjRequest request, IGitHub? github, TimeProvider time)
    {
        var factory = new ProwJobFactory(time);
        ProwJob job;
        var presubmits = Candidates(config.Presubmits, request);
        var postsubmits = Candidates(config.Postsubmits, request);
        var periodic = request.Repo is null ? config.Periodics.FirstOrDefault(p => p.Name == request.Job) : null;
        var found = presubmits.Count + postsubmits.Count + (periodic is null ? 0 : 1);
        if (found == 0)
            throw new MkpjException(request.Repo is null ? $"Job {request.Job} not found." : $"Job {request.Job} not found for {request.Repo}.");
        if (found > 1)
        {
            var where = presubmits.Select(p => $"presubmit in {p.OrgRepo}").Concat(postsubmits.Select(p => $"postsubmit in {p.OrgRepo}"))
                .Concat(periodic is null ? [] : ["periodic"]);
            throw new MkpjException($"Job {request.Job} is defined more than once ({string.Join(", ", where)}); choose one with --repo org/repo.");
        }

        if (presubmits is [var (orgRepo, presubmit)])
        {
            var (org, repo) = Split(orgRepo);
            if (request.PullNumber == 0) throw new MkpjException($"{request.Job} is a presubmit: pass --pull-number.");
            var refs = new Refs
            {
                Org = org, Repo = repo, BaseRef = request.BaseRef ?? "", BaseSha = request.BaseSha ?? "",
                Pulls = [new Pull { Number = request.PullNumber, Author = request.PullAuthor ?? "", Sha = request.PullSha ?? "", HeadRef = request.PullHeadRef ?? "" }],
            };
            var needsPr = refs.Pulls[0].Author.Length == 0 || refs.Pulls[0].Sha.Length == 0 || refs.BaseRef.Length == 0 || refs.BaseSha.Length == 0;
            if (needsPr)
            {
                if (github is null)
                    throw new MkpjException("pass --github-token-path to look up the pull request, or all of --pull-author, --pull-sha, --base-ref and --base-sha.");
                var pr = await github.GetPullRequestAsync(org, repo, request.PullNumber);
                var p = refs.Pulls[0];
                if (p.Author.Length == 0) p.Author = pr.User?.Login ?? "";
                if (p.Sha.Length == 0) p.Sha = pr.Head.Sha;
                if (p.HeadRef.Length == 0) p.HeadRef = pr.Head.Ref;
                if (refs.BaseRef.Length == 0) refs.BaseRef = pr.Base.Ref;
                if (refs.BaseSha.Length == 0) refs.BaseSha = pr.Base.Sha;
            }
            job = factory.NewProwJob(ProwJobFactory.PresubmitSpec(presubmit, refs), presubmit.Labels, presubmit.Annotations);
        }
        else if (postsubmits is [var (postRepo, postsubmit)])
        {
            var (org, repo) = Split(postRepo);
            if (string.IsNullOrEmpty(request.BaseRef)) throw new MkpjException($"{request.Job} is a postsubmit: pass --base-ref.");
            var refs = new Refs { Org = org, Repo = repo, BaseRef = request.BaseRef, BaseSha = request.BaseSha ?? "" };
            if (refs.BaseSha.Length == 0)
            {
                if (github is null) throw new MkpjException("pass --base-sha, or --github-token-path to look it up.");
                refs.BaseSha = await github.GetRefAsync(org, repo, $"heads/{refs.BaseRef}");
            }
            job = factory.NewProwJob(ProwJobFactory.PostsubmitSpec(postsubmit, refs), postsubmit.Labels, postsubmit.Annotations);
        }
        else
        {
            job = factory.NewProwJob(ProwJobFactory.PeriodicSpec(periodic!), periodic!.Labels, periodic.Annotations);
        }
        job.Metadata.Namespace = config.ProwJobNamespace;
        return job;
    }

    private static List<(string OrgRepo, T Job)> Candidates<T>(Dictionary<string, List<T>> byRepo, MkpjRequest request) where T : JobBase =>
        [.. byRepo.Where(kv => request.Repo is null || kv.Key == request.Repo)
            .SelectMany(kv => kv.Value.Where(j => j.Name == request.Job).Select(j => (kv.Key, j)))];

    private static (string Org, string Repo) Split(string orgRepo)
    {
        var slash = orgRepo.IndexOf('/');
        return (orgRepo[..slash], orgRepo[(slash + 1)..]);
    }

    private static async Task<int> TriggerAsync(ProwJob job, int gatewayPort, bool failWithJob, TextWriter stdout, TextWriter stderr)
    {
        using var host = Host.CreateDefaultBuilder()
            .ConfigureLogging(l => l.ClearProviders())
            .UseOrleansClient(client => client.UseLocalhostClustering(gatewayPort))
            .Build();
        try
        {
            await host.StartAsync();
        }
        catch (Exception e)
        {
            stderr.WriteLine($"mkpj: cannot reach a Prow silo on localhost:{gatewayPort}: {e.Message}");
            return 1;
        }
        try
        {
            var grain = host.Services.GetRequiredService<IClusterClient>().GetGrain<IProwJobGrain>(job.Name);
            await grain.Create(job);
            stdout.WriteLine($"ProwJob {job.Name} created.");
            ProwJobState? last = null;
            while (true)
            {
                var current = await grain.Get() ?? throw new InvalidOperationException("the job disappeared");
                if (current.Status.State != last)
                {
                    last = current.Status.State;
                    stdout.WriteLine($"{current.Name}: {ProwJobStateMachine.Name(last)} {current.Status.Description}".TrimEnd());
                }
                if (current.Complete)
                    return failWithJob && current.Status.State != ProwJobState.Success ? 1 : 0;
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
