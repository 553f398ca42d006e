using Prow.Abstractions.Jobs;
using Prow.Grains.Jobs;
using Prow.Silo.Cli;
using Prow.Silo.Tests.Jobs;
using Prow.TestSupport;
using Prow.TestSupport.FakeGitHub;

namespace Prow.Silo.Tests.Cli;

/// <summary><c>prow mkpj</c>: the job from config, refs from flags or GitHub, YAML out or submitted to a silo.</summary>
public sealed class MkpjCommandTests : IDisposable
{
    private const string Config = """
        prowjob_namespace: test-pods
        presubmits:
          org/repo:
          - name: pull-unit
            always_run: true
            labels: {team: infra}
            spec:
              containers:
              - image: golang
                command: [go, test, ./...]
          other/repo:
          - name: pull-shared
            spec: {containers: [{image: alpine}]}
          org/repo2:
          - name: pull-shared
            spec: {containers: [{image: alpine}]}
        postsubmits:
          org/repo:
          - name: post-build
            spec: {containers: [{image: alpine}]}
        periodics:
        - name: nightly
          interval: 24h
          spec: {containers: [{image: alpine, command: [make]}]}
        """;

    private readonly TempDirectory _dir = new();
    private readonly string _configPath;

    public MkpjCommandTests() => _configPath = _dir.Write("config.yaml", Config);

    public void Dispose() => _dir.Dispose();

    private async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await MkpjCommand.RunAsync(["--config-path", _configPath, .. args], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task A_periodic_is_printed_as_a_prowjob_in_yaml()
    {
        var (code, output, error) = await RunAsync("--job", "nightly");
        Assert.True(code == 0, error);
        var job = ProwJobJson.FromYaml(output);
        Assert.Equal("nightly", job.Spec.Job);
        Assert.Equal(ProwJobType.Periodic, job.Spec.Type);
        Assert.Equal("test-pods", job.Metadata.Namespace);
        Assert.Equal(ProwJobState.Triggered, job.Status.State);
        Assert.True(Guid.TryParse(job.Name, out _));
        Assert.Equal("make", job.Spec.PodSpec!["containers"]![0]!["command"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task A_presubmit_with_every_ref_given_needs_no_github()
    {
        var (code, output, error) = await RunAsync("--job", "pull-unit", "--pull", "12", "--pull-author", "alice", "--pull-sha", "beef",
            "--base-ref", "main", "--base-sha", "cafe");
        Assert.True(code == 0, error);
        var job = ProwJobJson.FromYaml(output);
        Assert.Equal(ProwJobType.Presubmit, job.Spec.Type);
        Assert.Equal("org", job.Spec.Refs!.Org);
        Assert.Equal("cafe", job.Spec.Refs.BaseSha);
        var pull = Assert.Single(job.Spec.Refs.Pulls!);
        Assert.Equal((12, "alice", "beef"), (pull.Number, pull.Author, pull.Sha));
        Assert.Equal("infra", job.Metadata.Labels!["team"]);
        Assert.Equal("12", job.Metadata.Labels!["prow.k8s.io/refs.pull"]);
    }

    [Fact]
    public async Task A_presubmit_looks_the_pull_request_up_on_github()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        github.AddRepo("org", "repo");
        github.SetRef("org", "repo", "heads/main", "base-sha-1");
        github.AddPullRequest("org", "repo", 5, author: "bob", headSha: "head-sha-5");
        var token = _dir.Write("token", "t0ken\n");

        var (code, output, error) = await RunAsync("--job", "pull-unit", "--pull-number", "5", "--github-token-path", token, "--github-endpoint", github.Endpoint);
        Assert.True(code == 0, error);
        var refs = ProwJobJson.FromYaml(output).Spec.Refs!;
        Assert.Equal(("main", "base-sha-1"), (refs.BaseRef, refs.BaseSha));
        Assert.Equal(("bob", "head-sha-5"), (refs.Pulls![0].Author, refs.Pulls[0].Sha));
        Assert.Single(github.RequestsTo("GET", "/repos/org/repo/pulls/5"));
    }

    [Fact]
    public async Task A_postsubmit_looks_the_branch_up_on_github()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        github.AddRepo("org", "repo");
        github.SetRef("org", "repo", "heads/release", "release-sha");
        var token = _dir.Write("token", "t0ken\n");
        var (code, output, error) = await RunAsync("--job", "post-build", "--base-ref", "release", "--github-token-path", token, "--github-endpoint", github.Endpoint);
        Assert.True(code == 0, error);
        Assert.Equal("release-sha", ProwJobJson.FromYaml(output).Spec.Refs!.BaseSha);
    }

    [Theory]
    [InlineData(new[] { "--job", "missing" }, 1, "mkpj: Job missing not found.")]
    [InlineData(new[] { "--job", "pull-unit" }, 1, "mkpj: pull-unit is a presubmit: pass --pull-number.")]
    [InlineData(new[] { "--job", "pull-unit", "--pull", "3" }, 1, "mkpj: pass --github-token-path to look up the pull request, or all of --pull-author, --pull-sha, --base-ref and --base-sha.")]
    [InlineData(new[] { "--job", "post-build" }, 1, "mkpj: post-build is a postsubmit: pass --base-ref.")]
    [InlineData(new[] { "--job", "pull-shared", "--pull", "1" }, 1, "mkpj: Job pull-shared is defined more than once (presubmit in other/repo, presubmit in org/repo2); choose one with --repo org/repo.")]
    [InlineData(new[] { "--pull", "1" }, 2, "mkpj: required flag --job was unset")]
    [InlineData(new[] { "--job", "x", "--repo", "nope" }, 2, "mkpj: --repo \"nope\": expected org/repo")]
    [InlineData(new[] { "--job", "x", "--pull", "1", "--pull-number", "2" }, 2, "mkpj: --pull and --pull-number disagree")]
    public async Task Bad_requests_say_what_to_pass(string[] args, int expectedCode, string expectedError)
    {
        var (code, output, error) = await RunAsync(args);
        Assert.Equal(expectedCode, code);
        Assert.Equal("", output);
        Assert.Equal(expectedError, error.Split('\n')[0].TrimEnd('\r'));
    }

    [Fact]
    public async Task Repo_picks_one_of_several_jobs_of_the_same_name()
    {
        var (code, output, error) = await RunAsync("--job", "pull-shared", "--repo", "org/repo2", "--pull", "1", "--pull-author", "a", "--pull-sha", "s",
            "--base-ref", "main", "--base-sha", "b");
        Assert.True(code == 0, error);
        Assert.Equal("repo2", ProwJobJson.FromYaml(output).Spec.Refs!.Repo);
    }

    [Fact]
    public async Task Trigger_job_submits_to_the_running_silo_and_follows_the_job_to_its_end()
    {
        using var hostDir = new TempDirectory();
        var cluster = new FakeBuildCluster();
        cluster.NewWorkload = job => new WorkloadObservation { Phase = WorkloadPhase.Failed, CreatedAt = DateTimeOffset.UtcNow, StartedAt = DateTimeOffset.UtcNow };
        await using var host = await JobHost.StartAsync(hostDir, cluster);
        var configured = _dir.Write("kube-config.yaml", Config.Replace("interval: 24h", "interval: 24h\n  agent: kubernetes"));
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await MkpjCommand.RunAsync(["--config-path", configured, "--job", "nightly", "--trigger-job", "--fail-with-job",
            "--orleans-gateway-port", host.GatewayPort.ToString()], stdout, stderr);
        Assert.True(code == 1, $"exit {code}: {stdout}{stderr}");
        var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches("^ProwJob [0-9a-f-]{36} created.$", lines[0]);
        Assert.EndsWith("failure Job failed.", lines[^1]);
        Assert.Single(cluster.Starts);
    }
}
