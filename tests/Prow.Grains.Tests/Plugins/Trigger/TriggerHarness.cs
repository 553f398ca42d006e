using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Prow.Abstractions.Config;
using Prow.Abstractions.Config.Jobs;
using Prow.Abstractions.Config.Plugins;
using Prow.Abstractions.Config.Yaml;
using Prow.Abstractions.GitHub;
using Prow.Grains.Plugins;
using Prow.Grains.Plugins.Trigger;

namespace Prow.Grains.Tests.Plugins.Trigger;

/// <summary>
/// The dispatcher with only <c>trigger</c> enabled for Codertocat, jobs given in code (with Prow's defaults for
/// context, trigger and rerun command), <see cref="RecordingGitHub"/> and <see cref="RecordingProwJobCreator"/>.
/// </summary>
internal sealed class TriggerHarness
{
    public const string Org = "Codertocat";
    public const string Repo = "Hello-World";
    public const string Bot = "k8s-ci-robot";

    public TriggerHarness(string triggersYaml = "", IEnumerable<Presubmit>? presubmits = null, IEnumerable<Postsubmit>? postsubmits = null)
    {
        var diagnostics = new List<ConfigDiagnostic>();
        var yaml = "plugins:\n  Codertocat:\n    plugins: [trigger]\n" + triggersYaml;
        var plugins = PluginsConfigLoader.Parse(yaml, "plugins.yaml", diagnostics)
            ?? throw new ArgumentException(string.Join("; ", diagnostics));
        var config = new ProwConfig { ProwJobNamespace = "test-pods" };
        config.Presubmits[$"{Org}/{Repo}"] = [.. presubmits ?? DefaultPresubmits()];
        config.Postsubmits[$"{Org}/{Repo}"] = [.. postsubmits ?? []];
        Config = new FixedConfigSource(new ConfigSnapshot(config, plugins, [], DateTimeOffset.UnixEpoch));
        var loggers = LoggerFactory.Create(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        Dispatcher = new PluginDispatcher(new PluginCatalog([new TriggerPlugin(Jobs)]), Config, GitHub, new RecordingExternalPluginSender(),
            new PluginMetrics(Prometheus.Metrics.NewCustomRegistry()), loggers, Time);
        GitHub.RefShas[$"{Org}/{Repo} heads/master"] = "basesha";
    }

    public RecordingGitHub GitHub { get; } = new();
    public RecordingProwJobCreator Jobs { get; } = new();
    public ListLoggerProvider Logs { get; } = new();
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    public FixedConfigSource Config { get; }
    public PluginDispatcher Dispatcher { get; }

    public Task DispatchAsync(string eventType, string payload, string deliveryId = "delivery-1") =>
        Dispatcher.DispatchAsync(DispatcherHarness.Webhook(eventType, payload, deliveryId));

    /// <summary>The errors the dispatcher logged (a plugin that threw).</summary>
    public IEnumerable<string> Errors => Logs.Entries.Where(e => e.Level >= LogLevel.Error).Select(e => e.Message + " " + e.Exception);

    /// <summary>Pull request #1 as GitHub would return it, for comment events.</summary>
    public void SetPullRequest(int number = 1, string author = "Codertocat", string headSha = "headsha1", bool? mergeable = null) =>
        GitHub.PullRequests[$"{Org}/{Repo}#{number}"] = new PullRequest
        {
            Number = number,
            Title = "A change",
            State = "open",
            User = new User { Login = author, HtmlUrl = $"https://github.com/{author}" },
            HtmlUrl = $"https://github.com/{Org}/{Repo}/pull/{number}",
            Head = new PullRequestBranch { Ref = "feature", Sha = headSha },
            Base = new PullRequestBranch { Ref = "master", Sha = "payloadbase", Repo = new Repo { Name = Repo, FullName = $"{Org}/{Repo}", HtmlUrl = $"https://github.com/{Org}/{Repo}", Owner = new User { Login = Org } } },
            Mergeable = mergeable,
        };

    public static Presubmit Job(string name, Action<Presubmit>? configure = null)
    {
        var job = new Presubmit { Name = name, Agent = JobDefaults.KubernetesAgent, Context = name };
        configure?.Invoke(job);
        if (job.Trigger.Length == 0 && job.RerunCommand.Length == 0)
        {
            job.Trigger = JobDefaults.DefaultTriggerFor(name);
            job.RerunCommand = JobDefaults.DefaultRerunCommandFor(name);
        }
        return job;
    }

    public static Postsubmit Post(string name, Action<Postsubmit>? configure = null)
    {
        var job = new Postsubmit { Name = name, Agent = JobDefaults.KubernetesAgent, Context = name };
        configure?.Invoke(job);
        return job;
    }

    /// <summary>
    /// unit (always), docs (run_if_changed ^docs/), lint (always, optional), e2e (explicit), release (always, release-* only).
    /// </summary>
    public static IEnumerable<Presubmit> DefaultPresubmits() =>
    [
        Job("unit", j => j.AlwaysRun = true),
        Job("docs", j => j.RunIfChanged = "^docs/"),
        Job("lint", j => { j.AlwaysRun = true; j.Optional = true; }),
        Job("e2e"),
        Job("release", j => { j.AlwaysRun = true; j.Branches = ["^release-.*$"]; }),
    ];

    internal sealed class FixedConfigSource(ConfigSnapshot snapshot) : IConfigSource
    {
        public ConfigSnapshot Current => snapshot;
#pragma warning disable CS0067 // never reloaded
        public event Action<ConfigSnapshot>? Changed;
#pragma warning restore CS0067
    }
}
