using Prow.Abstractions.Jobs;
using Prow.Abstractions.Config;
using Prow.Silo.Hosting;

namespace Prow.Silo.Cli;

/// <summary>The flags of the all-in-one host, with Prow's names where Prow has one.</summary>
public sealed class ServeFlags
{
    private readonly FlagSet _flags = new("prow");
    private readonly FlagSet.Flag<string?> _configPath, _jobConfigPath, _pluginConfig, _listen, _dataDir, _hmac, _token, _appId, _appKey, _kubeconfig, _kubeconfigDir, _slackApiEndpoint, _webhookSecret, _deckUrl, _localGitBaseUrl;
    private readonly FlagSet.Flag<bool> _strict, _dryRun, _rerunCreatesJob, _localAgent;
    private readonly FlagSet.Flag<int> _port, _siloPort, _gatewayPort;
    private readonly FlagSet.Flag<List<string>> _endpoints, _kubernetesAgents, _slackWebhookUrlFiles, _slackTokenFiles, _webhookUrls, _webhookJobTypes;

    public ServeFlags()
    {
        var defaults = ExampleConfig.Locate();
        _configPath = _flags.String("config-path", defaults?.ConfigPath, "Path to config.yaml.");
        _jobConfigPath = _flags.String("job-config-path", defaults?.JobConfigPath, "Path to a job config file or a directory tree of them.");
        _pluginConfig = _flags.String("plugin-config", defaults?.PluginConfigPath, "Path to plugins.yaml.");
        _strict = _flags.Bool("strict", false, "Treat unknown configuration keys as errors.");
        _port = _flags.Int("port", 8888, "Port to serve the webhook, Deck, health and metrics endpoints on (0 picks a free one).");
        _listen = _flags.String("listen-address", "0.0.0.0", "Address to serve HTTP on.");
        _dataDir = _flags.String("data-dir", ".prow", "Directory for durable state (SQLite database, job logs).");
        _siloPort = _flags.Int("silo-port", 11111, "Orleans silo-to-silo port.");
        _gatewayPort = _flags.Int("orleans-gateway-port", 30000, "Orleans client gateway port.");
        _hmac = _flags.String("hmac-secret-file", null, "Path to the file containing GitHub HMAC secrets.");
        _token = _flags.String("github-token-path", null, "Path to the file containing the GitHub OAuth token.");
        _appId = _flags.String("github-app-id", null, "GitHub App ID (with --github-app-private-key-path): act as the App's installations instead of a token.");
        _appKey = _flags.String("github-app-private-key-path", null, "Path to the GitHub App's private key (PEM).");
        _endpoints = _flags.Strings("github-endpoint", ["https://api.github.com"], "GitHub's API endpoint (may be given more than once).");
        _dryRun = _flags.Bool("dry-run", false, "Dry run: reads go to GitHub, writes are logged and not sent.");
        _kubeconfig = _flags.String("kubeconfig", null, "Path to a kubeconfig with one context per build cluster (a \"default\" context is required).");
        _kubeconfigDir = _flags.String("kubeconfig-dir", null, "Directory of kubeconfig files, one or more build clusters each.");
        _kubernetesAgents = _flags.Strings("kubernetes-agents", [ProwJobAgents.Kubernetes],
            "Agents run on the Kubernetes build clusters: kubernetes, tekton-pipeline, knative-build (may be given more than once).");
        _localAgent = _flags.Bool("local-agent", true, "Run jobs with agent: local as processes on this machine (trusted setups only).");
        _localGitBaseUrl = _flags.String("local-git-base-url", null,
            "Base URL the local agent clones <url>/<org>/<repo>.git from when a ref has no clone_uri (a mirror, GitHub Enterprise, file:///srv/git); default: the ref's repo_link, else github.com.");
        _deckUrl = _flags.String("deck-url", null, "Deck's external address (https://prow.example.com): jobs that get no URL from plank's job_url_prefix_config or job_url_template link to their log there.");
        _slackWebhookUrlFiles = _flags.Strings("slack-webhook-url-file", [],
            "Path to a file with a Slack incoming-webhook URL, or host=path for the Slack host of slack_reporter_configs' host (may be given more than once).");
        _slackTokenFiles = _flags.Strings("slack-token-file", [],
            "Path to a file with a Slack bot token, or host=path for the Slack host of slack_reporter_configs' host (may be given more than once).");
        _slackApiEndpoint = _flags.String("slack-api-endpoint", "https://slack.com/api", "Slack's Web API base URL (chat.postMessage with --slack-token-file).");
        _webhookUrls = _flags.Strings("webhook-reporter-url", [], "URL the webhook reporter POSTs every ProwJob state change to (may be given more than once).");
        _webhookSecret = _flags.String("webhook-reporter-hmac-secret-file", null, "Path to the secret the webhook reporter signs bodies with (X-Prow-Signature-256).");
        _webhookJobTypes = _flags.Strings("webhook-reporter-job-types", [],
            "Job types the webhook reporter reports: presubmit, postsubmit, periodic, batch (may be given more than once or comma-separated; default all).");
        _rerunCreatesJob = _flags.Bool("rerun-creates-job", false, "Whether POST /rerun creates the job (anyone may, where a rerun auth config says allow_anyone: true).");
    }

    public string Usage() => _flags.Usage();

    /// <summary>Parses and checks the flags; throws <see cref="UsageException"/> naming the bad flag.</summary>
    public ProwHostOptions Parse(IReadOnlyList<string> args)
    {
        var positional = _flags.Parse(args);
        if (positional.Count > 0) throw new UsageException($"unexpected argument \"{positional[0]}\"");
        if (string.IsNullOrEmpty(_configPath.Value))
            throw new UsageException("--config-path is required (no examples/config.yaml found to default to)");
        CheckPort("--port", _port.Value, allowZero: true);
        CheckPort("--silo-port", _siloPort.Value, allowZero: false);
        CheckPort("--orleans-gateway-port", _gatewayPort.Value, allowZero: false);
        foreach (var (flag, path) in new[] { ("--hmac-secret-file", _hmac.Value), ("--github-token-path", _token.Value), ("--github-app-private-key-path", _appKey.Value), ("--webhook-reporter-hmac-secret-file", _webhookSecret.Value) })
        {
            if (path is not null && !File.Exists(path)) throw new UsageException($"{flag} {path}: file not found");
        }
        if (string.IsNullOrEmpty(_appId.Value) != string.IsNullOrEmpty(_appKey.Value))
            throw new UsageException("--github-app-id and --github-app-private-key-path must be given together");
        foreach (var path in new[] { _kubeconfig.Value }.Where(p => p is not null))
        {
            if (!File.Exists(path)) throw new UsageException($"--kubeconfig {path}: file not found");
        }
        if (_kubeconfigDir.Value is { } kubeDir && !Directory.Exists(kubeDir)) throw new UsageException($"--kubeconfig-dir {kubeDir}: directory not found");
        foreach (var agent in _kubernetesAgents.Value)
        {
            if (agent is not (ProwJobAgents.Kubernetes or ProwJobAgents.TektonPipeline or ProwJobAgents.KnativeBuild))
                throw new UsageException($"--kubernetes-agents \"{agent}\": expected kubernetes, tekton-pipeline or knative-build");
        }
        foreach (var endpoint in _endpoints.Value)
        {
            if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                throw new UsageException($"--github-endpoint \"{endpoint}\": not an http(s) URL");
        }
        if (!string.IsNullOrEmpty(_localGitBaseUrl.Value)
            && (!Uri.TryCreate(_localGitBaseUrl.Value, UriKind.Absolute, out var gitBase) || gitBase.Scheme is not ("http" or "https" or "file" or "ssh" or "git")))
            throw new UsageException($"--local-git-base-url \"{_localGitBaseUrl.Value}\": not an absolute http(s), ssh, git or file URL");
        Uri? deckUrl = null;
        if (!string.IsNullOrEmpty(_deckUrl.Value)
            && (!Uri.TryCreate(_deckUrl.Value, UriKind.Absolute, out deckUrl) || (deckUrl.Scheme != Uri.UriSchemeHttp && deckUrl.Scheme != Uri.UriSchemeHttps)))
            throw new UsageException($"--deck-url \"{_deckUrl.Value}\": not an http(s) URL");
        var slackWebhooks = HostFiles("--slack-webhook-url-file", _slackWebhookUrlFiles.Value);
        var slackTokens = HostFiles("--slack-token-file", _slackTokenFiles.Value);
        foreach (var host in slackWebhooks.Keys.Intersect(slackTokens.Keys))
            throw new UsageException($"Slack host \"{host}\" has both --slack-webhook-url-file and --slack-token-file; give one");
        CheckHttpUrl("--slack-api-endpoint", _slackApiEndpoint.Value ?? "");
        foreach (var url in _webhookUrls.Value) CheckHttpUrl("--webhook-reporter-url", url);
        var webhookJobTypes = new List<ProwJobType>();
        foreach (var name in _webhookJobTypes.Value.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            webhookJobTypes.Add(name switch
            {
                "presubmit" => ProwJobType.Presubmit,
                "postsubmit" => ProwJobType.Postsubmit,
                "periodic" => ProwJobType.Periodic,
                "batch" => ProwJobType.Batch,
                _ => throw new UsageException($"--webhook-reporter-job-types \"{name}\": expected presubmit, postsubmit, periodic or batch"),
            });
        }
        if (!System.Net.IPAddress.TryParse(_listen.Value, out _) && _listen.Value != "localhost")
            throw new UsageException($"--listen-address \"{_listen.Value}\": not an IP address");

        // Defaults come as a set: an explicit --config-path drops the example jobs and plugins.
        var keepExampleDefaults = !_configPath.WasSet;
        return new ProwHostOptions
        {
            Config = new ConfigPaths(
                _configPath.Value,
                _jobConfigPath.WasSet || keepExampleDefaults ? NullIfEmpty(_jobConfigPath.Value) : null,
                _pluginConfig.WasSet || keepExampleDefaults ? NullIfEmpty(_pluginConfig.Value) : null),
            Strict = _strict.Value,
            Port = _port.Value,
            ListenAddress = _listen.Value ?? "0.0.0.0",
            DataDir = string.IsNullOrEmpty(_dataDir.Value) ? throw new UsageException("--data-dir must not be empty") : _dataDir.Value,
            SiloPort = _siloPort.Value,
            OrleansGatewayPort = _gatewayPort.Value,
            HmacSecretFile = _hmac.Value,
            GitHubTokenPath = _token.Value,
            GitHubAppId = NullIfEmpty(_appId.Value),
            GitHubAppPrivateKeyPath = NullIfEmpty(_appKey.Value),
            GitHubEndpoints = _endpoints.Value,
            DryRun = _dryRun.Value,
            RerunCreatesJob = _rerunCreatesJob.Value,
            DeckUrl = deckUrl,
            Kubeconfig = NullIfEmpty(_kubeconfig.Value),
            KubeconfigDir = NullIfEmpty(_kubeconfigDir.Value),
            KubernetesAgents = _kubernetesAgents.Value,
            LocalAgent = _localAgent.Value,
            LocalGitBaseUrl = NullIfEmpty(_localGitBaseUrl.Value),
            SlackWebhookUrlFiles = slackWebhooks,
            SlackTokenFiles = slackTokens,
            SlackApiEndpoint = _slackApiEndpoint.Value ?? "https://slack.com/api",
            WebhookReporterUrls = _webhookUrls.Value,
            WebhookReporterHmacSecretFile = NullIfEmpty(_webhookSecret.Value),
            WebhookReporterJobTypes = webhookJobTypes,
        };
    }

    private static void CheckPort(string flag, int value, bool allowZero)
    {
        if (value > 65535 || value < (allowZero ? 0 : 1))
            throw new UsageException($"{flag} {value}: must be between {(allowZero ? 0 : 1)} and 65535");
    }

    /// <summary>Prow's <c>host=path</c> (or <c>path</c> for the default host "*") values of a repeatable file flag; the files must exist.</summary>
    private static Dictionary<string, string> HostFiles(string flag, IEnumerable<string> values)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var eq = value.IndexOf('=');
            var (host, path) = eq > 0 ? (value[..eq], value[(eq + 1)..]) : (Grains.Crier.SlackReport.DefaultHost, value);
            if (path.Length == 0) throw new UsageException($"{flag} \"{value}\": no path");
            if (!File.Exists(path)) throw new UsageException($"{flag} {path}: file not found");
            if (!files.TryAdd(host, path)) throw new UsageException($"{flag}: Slack host \"{host}\" given twice");
        }
        return files;
    }

    private static void CheckHttpUrl(string flag, string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new UsageException($"{flag} \"{value}\": not an http(s) URL");
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
