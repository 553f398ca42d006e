using Prow.Abstractions.Jobs;
using Prow.TestSupport;

namespace Prow.Silo.Tests.Jobs;

/// <summary>One host per test class; tests use distinct job names.</summary>
public sealed class JobHostFixture : IAsyncLifetime
{
    public const string ConfigYaml = """
        prowjob_namespace: prow
        plank:
          job_url_template: 'https://prow.example/view/{{if eq .Spec.Type "presubmit"}}pr-logs/{{with index .Spec.Refs.Pulls 0}}{{.Number}}{{end}}{{else}}logs{{end}}/{{.Spec.Job}}/{{.Status.BuildID}}/'
          job_queue_capacities:
            single: 1
        deck:
          rerun_auth_configs:
            open-org/open-repo:
              allow_anyone: true
        periodics:
        - name: nightly
          interval: 24h
          agent: kubernetes
          spec:
            containers:
            - image: alpine
              command: [echo, latest]
        """;

    private readonly TempDirectory _dir = new();
    public FakeBuildCluster Cluster { get; } = new();
    public JobHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await JobHost.StartAsync(_dir, Cluster, ConfigYaml, rerunCreatesJob: true);

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        _dir.Dispose();
    }

    /// <summary>A new ProwJob (kubernetes agent) with a fresh name.</summary>
    public static ProwJob NewJob(string job = "unit", ProwJobType type = ProwJobType.Periodic, Action<ProwJobSpec>? edit = null, string org = "org", string repo = "repo")
    {
        var spec = new ProwJobSpec
        {
            Type = type,
            Agent = ProwJobAgents.Kubernetes,
            Job = job,
            Refs = type == ProwJobType.Periodic ? null : new Refs
            {
                Org = org, Repo = repo, BaseRef = "main", BaseSha = "abc",
                Pulls = type == ProwJobType.Presubmit ? [new Pull { Number = 7, Author = "alice", Sha = "def" }] : null,
            },
            PodSpec = System.Text.Json.Nodes.JsonNode.Parse("""{"containers":[{"image":"alpine","command":["true"]}]}""")!.AsObject(),
        };
        edit?.Invoke(spec);
        var created = new ProwJobFactory(TimeProvider.System).NewProwJob(spec);
        created.Metadata.Namespace = "prow";
        return created;
    }
}
