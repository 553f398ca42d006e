using Microsoft.Extensions.Logging;
using Prow.Abstractions.Config;
using Prow.Abstractions.Config.Plugins;
using Prow.Abstractions.GitHub.Events;
using Prow.Abstractions.Webhooks;
using Prow.Grains.Ports;

namespace Prow.Grains.Plugins;

/// <summary>
/// The one dispatch loop for every event type, as Prow's hook runs it: parse the payload by event type, find
/// the repository, forward the webhook to the repo's external plugins that want this event type, then run
/// the plugins <c>plugins.yaml</c> enables for the repo (read from the snapshot in force, so reloads apply):
/// first the handlers for the event type, then — for events with user text — the generic-comment handlers
/// and commands. Plugins run one after another in configuration order; one that throws is logged and counted
/// and the rest still run. Each run is timed into Prow's <c>prow_plugin_handle_*</c> metrics.
/// </summary>
public sealed class PluginDispatcher(
    PluginCatalog catalog,
    IConfigSource configSource,
    IGitHub gitHub,
    IExternalPluginSender externalPlugins,
    PluginMetrics metrics,
    ILoggerFactory loggerFactory,
    TimeProvider time) : IPluginDispatcher
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<PluginDispatcher>();

    public Task DispatchAsync(WebhookEvent webhook, CancellationToken cancellationToken = default) =>
        DispatchAsync(webhook, PluginEvents.Parse(webhook.EventType, webhook.Payload), cancellationToken);

    public async Task DispatchAsync(WebhookEvent webhook, WebhookPayload payload, CancellationToken cancellationToken = default)
    {
        var (org, repo) = PluginEvents.RepoOf(payload);
        if (org.Length == 0)
        {
            _logger.LogDebug("{EventType} event {DeliveryId} names no repository; no plugin runs", webhook.EventType, webhook.DeliveryId);
            return;
        }
        var config = configSource.Current;
        if (config.Plugins is not { } pluginsConfig) return;

        ForwardToExternalPlugins(pluginsConfig, org, repo, webhook);

        var enabled = EnabledPlugins(pluginsConfig, org, repo);
        if (enabled.Count == 0) return;
        var target = new Target(webhook, payload, config, org, repo, PluginEvents.NumberOf(payload), GenericComments.From(payload, webhook.DeliveryId));

        foreach (var plugin in enabled.Where(p => p.Events.Contains(webhook.EventType)))
            await RunAsync(plugin, target, payload.Action ?? "none", context => plugin.HandleEventAsync(context, cancellationToken), cancellationToken);

        if (target.Comment is not { } comment) return;
        var commentAction = comment.Action.ToString().ToLowerInvariant();
        foreach (var plugin in enabled.Where(p => p.Commands.Count > 0 || p.Events.Contains(PluginEvents.GenericComment)))
            await RunAsync(plugin, target, commentAction, context => HandleCommentAsync(plugin, context, comment, cancellationToken), cancellationToken);
    }

    private void ForwardToExternalPlugins(PluginsConfig config, string org, string repo, WebhookEvent webhook)
    {
        foreach (var external in config.ExternalPluginsFor(org, repo))
        {
            if (external.Events.Count > 0 && !external.Events.Contains(webhook.EventType, StringComparer.Ordinal)) continue;
            externalPlugins.Enqueue(new ExternalPluginDelivery(external.Name, external.Endpoint, webhook));
            Webhooks.ProcessingEffects.Mark();
        }
    }

    private List<IPlugin> EnabledPlugins(PluginsConfig config, string org, string repo)
    {
        var enabled = new List<IPlugin>();
        foreach (var name in config.EnabledPluginsFor(org, repo))
        {
            if (catalog.Find(name) is { } plugin) enabled.Add(plugin);
            else _logger.LogDebug("Plugin {Plugin} is enabled for {Org}/{Repo} but not built in yet", name, org, repo);
        }
        return enabled;
    }

    private async Task RunAsync(IPlugin plugin, Target target, string action, Func<PluginContext, Task> handle, CancellationToken cancellationToken)
    {
        var tracking = new UsageTrackingGitHub(gitHub);
        var logger = loggerFactory.CreateLogger("Prow.Plugins." + plugin.Name);
        var eventType = target.Webhook.EventType;
        using var scope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["plugin"] = plugin.Name,
            ["event-type"] = eventType,
            ["event-GUID"] = target.Webhook.DeliveryId,
            ["org"] = target.Org,
            ["repo"] = target.Repo,
            ["number"] = target.Number,
        });
        var context = new PluginContext
        {
            GitHub = tracking,
            Config = target.Config,
            Org = target.Org,
            Repo = target.Repo,
            Number = target.Number,
            Webhook = target.Webhook,
            Payload = target.Payload,
            Comment = target.Comment,
            Logger = logger,
            Time = time,
        };
        var started = time.GetTimestamp();
        var failed = false;
        try
        {
            await handle(context);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            failed = true;
            // Whatever the plugin did before it failed is unknown: save the event's completion at once.
            Webhooks.ProcessingEffects.Mark();
            logger.LogError(ex, "Plugin {Plugin} failed handling {EventType} event {DeliveryId}", plugin.Name, eventType, target.Webhook.DeliveryId);
        }
        metrics.Observe(eventType, action, plugin.Name, tracking.Used, time.GetElapsedTime(started), failed);
    }

    private static async Task HandleCommentAsync(IPlugin plugin, PluginContext context, GenericCommentEvent comment, CancellationToken cancellationToken)
    {
        if (plugin.Events.Contains(PluginEvents.GenericComment)) await plugin.HandleEventAsync(context, cancellationToken);
        if (plugin.Commands.Count == 0 || comment.Action != GenericCommentAction.Created) return;

        var target = comment.IsPR ? CommandTargets.PullRequests : CommandTargets.Issues;
        var found = CommandParser.Find(plugin.Commands.Where(c => c.Targets.HasFlag(target)), comment.Body);
        var allowed = new List<CommandMatch>();
        var verdicts = new Dictionary<CommandUsers, bool>();
        var refused = new HashSet<string>(StringComparer.Ordinal);
        foreach (var match in found)
        {
            var who = match.Command.WhoMayUse;
            if (!verdicts.TryGetValue(who, out var allows))
                verdicts[who] = allows = await CommandAudience.AllowsAsync(who, comment, context.Org, context.Repo, context.GitHub, cancellationToken);
            if (allows)
            {
                allowed.Add(match);
            }
            else if (refused.Add(match.Name))
            {
                context.Logger.LogInformation("{User} may not use /{Command}", comment.User.Login, match.Name);
                await context.ReplyAsync($"only {CommandAudience.Describe(who, context.Org, context.Repo)} can use the `/{match.Name}` command.", cancellationToken);
            }
        }
        if (allowed.Count > 0) await plugin.HandleCommandsAsync(context, allowed, cancellationToken);
    }

    private sealed record Target(WebhookEvent Webhook, WebhookPayload Payload, ConfigSnapshot Config, string Org, string Repo, int? Number, GenericCommentEvent? Comment);
}
