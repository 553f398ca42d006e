using System.Net;
using System.Text.Json.Nodes;
using Prow.Silo.Tests.Jobs;
using Prow.TestSupport;
using Prow.TestSupport.FakeGitHub;
using Prow.TestSupport.Webhooks;

namespace Prow.Silo.Tests.EndToEnd;

/// <summary>
/// The all-in-one host as a user runs it: trigger enabled for the org, the host's own local agent running jobs
/// (no fake build cluster), a real git repository the jobs clone, and the recording fake GitHub crier reports to.
/// </summary>
public sealed class AllInOneFixture : IAsyncLifetime
{
    public const string Org = "e2e-org";
    public const string Repo = "app";
    public const string Member = "alice";
    public const string Secret = "e2e-hmac-secret";
    public const string GoodJob = "pull-app-verify";
    public const string BadJob = "pull-app-broken";
    public const string AddedFile = "added-by-pr.txt";
    public const string AddedText = "hello from the pull request";

    private readonly TempDirectory _dir = new();

    public FakeGitHubServer GitHub { get; private set; } = null!;
    public GitRemote Remote { get; private set; } = null!;
    public JobHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Remote = await GitRemote.CreateAsync(_dir,
            new Dictionary<string, string> { ["README.md"] = "# app\n" },
            new Dictionary<string, string> { [AddedFile] = AddedText + "\n" });
        GitHub = await FakeGitHubServer.StartAsync();
        GitHub.AddRepo(Org, Repo);
        GitHub.SetRef(Org, Repo, "heads/main", Remote.BaseSha);
        GitHub.AddMember(Org, Member);
        GitHub.AddCollaborator(Org, Repo, Member);
        Host = await JobHost.StartAsync(_dir, cluster: null, ConfigYaml(Remote.CloneUri), github: GitHub,
            pluginsYaml: $"plugins:\n  {Org}:\n    plugins: [trigger]\n", hmacSecret: Secret);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await GitHub.DisposeAsync();
        _dir.Dispose();
    }

    /// <summary>
    /// Two presubmits run by the local agent on every PR: one checks the merged checkout (the PR's file with its
    /// content, the base's file, HEAD a merge whose second parent is the PR head), one fails with exit code 3.
    /// </summary>
    private static string ConfigYaml(string cloneUri) => $$$"""
        prowjob_namespace: prow
        plank:
          job_url_template: 'https://prow.example/view/{{if eq .Spec.Type "presubmit"}}pr-logs/{{with index .Spec.Refs.Pulls 0}}{{.Number}}{{end}}{{else}}logs{{end}}/{{.Spec.Job}}/{{.Status.BuildID}}/'
        presubmits:
          {{{Org}}}/{{{Repo}}}:
          - name: {{{GoodJob}}}
            always_run: true
            agent: local
            clone_uri: '{{{cloneUri}}}'
            spec:
              containers:
              - image: alpine
                command: [sh, -c, 'grep -qx "{{{AddedText}}}" {{{AddedFile}}} && test -f README.md && test "$$(git rev-parse HEAD^2)" = "$(PULL_PULL_SHA)"']
          - name: {{{BadJob}}}
            always_run: true
            agent: local
            clone_uri: '{{{cloneUri}}}'
            spec:
              containers:
              - image: alpine
                command: [sh, -c, 'grep -q "{{{AddedText}}}" README.md || exit 3']
        """;

    /// <summary>Seeds a pull request of the remote's PR branch on the fake GitHub.</summary>
    public void AddPullRequest(int number, string author)
    {
        GitHub.AddPullRequest(Org, Repo, number, author: author, headSha: Remote.HeadSha, baseRef: "main");
        GitHub.AddPullRequestFiles(Org, Repo, number, new FakePullFile(AddedFile, Status: "added"));
    }

    public async Task PostWebhookAsync(string eventType, string payload, string deliveryId)
    {
        using var response = await Host.Http.SendAsync(SignedWebhook.Create(eventType, payload, Secret, deliveryId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>The jobs GET /prowjobs.js lists for the repository, as a user of Deck sees them.</summary>
    public async Task<List<JsonNode>> ListedJobsAsync()
    {
        using var response = await Host.Http.GetAsync($"/prowjobs.js?org={Org}&repo={Repo}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. JsonNode.Parse(await response.Content.ReadAsStringAsync())!["items"]!.AsArray().Select(i => i!)];
    }
}
