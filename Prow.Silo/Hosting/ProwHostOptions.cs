using Prow.Abstractions.Config;

namespace Prow.Silo.Hosting;

/// <summary>Everything the all-in-one host is started with (see <see cref="Cli.ServeCommand"/> for the flags).</summary>
public sealed class ProwHostOptions
{
    public required ConfigPaths Config { get; init; }

    /// <summary>Unknown configuration keys are errors.</summary>
    public bool Strict { get; init; }

    /// <summary>HTTP port of the gateway endpoints (Prow's hook listens on 8888). 0 picks a free port.</summary>
    public int Port { get; init; } = 8888;

    /// <summary>Address the HTTP endpoints listen on.</summary>
    public string ListenAddress { get; init; } = "0.0.0.0";

    /// <summary>Where durable state lives: the SQLite database and job logs.</summary>
    public string DataDir { get; init; } = ".prow";

    public int SiloPort { get; init; } = 11111;

    public int OrleansGatewayPort { get; init; } = 30000;

    public string? HmacSecretFile { get; init; }

    public string? GitHubTokenPath { get; init; }

    /// <summary>GitHub App id; with <see cref="GitHubAppPrivateKeyPath"/> requests use the App's installation tokens.</summary>
    public string? GitHubAppId { get; init; }

    public string? GitHubAppPrivateKeyPath { get; init; }

    public IReadOnlyList<string> GitHubEndpoints { get; init; } = ["https://api.github.com"];

    /// <summary>Reads go to GitHub; writes are logged and not sent.</summary>
    public bool DryRun { get; init; }

    /// <summary>Deck's <c>--rerun-creates-job</c>: POST /rerun creates the job.</summary>
    public bool RerunCreatesJob { get; init; }

    /// <summary><c>--deck-url</c>: Deck's external address, the job link of last resort.</summary>
    public Uri? DeckUrl { get; init; }

    /// <summary>Prow's <c>--kubeconfig</c>: one context per build cluster.</summary>
    public string? Kubeconfig { get; init; }

    /// <summary>Prow's <c>--kubeconfig-dir</c>: every kubeconfig file in it.</summary>
    public string? KubeconfigDir { get; init; }

    /// <summary>The agents served on the Kubernetes build clusters.</summary>
    public IReadOnlyList<string> KubernetesAgents { get; init; } = [Abstractions.Jobs.ProwJobAgents.Kubernetes];

    /// <summary>Whether jobs with <c>agent: local</c> run as processes on this machine.</summary>
    public bool LocalAgent { get; init; } = true;

    /// <summary>
    /// <c>--local-git-base-url</c>: where the local agent clones repositories of refs without a <c>clone_uri</c>
    /// (<c>&lt;url&gt;/&lt;org&gt;/&lt;repo&gt;.git</c>: a mirror, GitHub Enterprise). Null: the refs' repo_link, else github.com.
    /// </summary>
    public string? LocalGitBaseUrl { get; init; }

    /// <summary>How often configuration files are re-checked even without a file-system notification.</summary>
    public TimeSpan ConfigPollInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Slack incoming-webhook URL files by Slack host ("*" for configs without <c>host</c>): <c>--slack-webhook-url-file</c>.</summary>
    public IReadOnlyDictionary<string, string> SlackWebhookUrlFiles { get; init; } = new Dictionary<string, string>();

    /// <summary>Slack bot token files by Slack host: Prow's <c>--slack-token-file</c>.</summary>
    public IReadOnlyDictionary<string, string> SlackTokenFiles { get; init; } = new Dictionary<string, string>();

    /// <summary>Slack's Web API base URL (chat.postMessage is posted below it).</summary>
    public string SlackApiEndpoint { get; init; } = "https://slack.com/api";

    /// <summary>URLs of the generic webhook reporter; none turns it off.</summary>
    public IReadOnlyList<string> WebhookReporterUrls { get; init; } = [];

    public string? WebhookReporterHmacSecretFile { get; init; }

    /// <summary>Job types the webhook reporter reports; empty for all.</summary>
    public IReadOnlyList<Abstractions.Jobs.ProwJobType> WebhookReporterJobTypes { get; init; } = [];

    public Adapters.Crier.SlackClientOptions Slack => new()
    {
        WebhookUrlFiles = SlackWebhookUrlFiles,
        TokenFiles = SlackTokenFiles,
        ApiEndpoint = SlackApiEndpoint,
        DryRun = DryRun,
    };

    public Adapters.Crier.WebhookReporterOptions WebhookReporter => new()
    {
        Urls = WebhookReporterUrls,
        HmacSecretFile = WebhookReporterHmacSecretFile,
        JobTypes = WebhookReporterJobTypes,
        DryRun = DryRun,
    };

    public Adapters.GitHub.GitHubClientOptions GitHub => new()
    {
        Endpoints = GitHubEndpoints,
        TokenPath = GitHubTokenPath,
        AppId = GitHubAppId,
        AppPrivateKeyPath = GitHubAppPrivateKeyPath,
        DryRun = DryRun,
    };

    public string DatabasePath => Path.Combine(DataDir, Storage.Sqlite.SqliteDatabaseOptions.DefaultFileName);
}
