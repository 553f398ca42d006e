using Prow.Abstractions.Config.Yaml;

namespace Prow.Abstractions.Config.Plugins;

/// <summary>A plugin served by another process that hook forwards webhooks to (<c>external_plugins:</c>).</summary>
public sealed class ExternalPlugin : SourceLocated
{
    public string Name { get; set; } = "";

    /// <summary>Where events are POSTed. Defaults to <c>http://{name}</c>.</summary>
    public string Endpoint { get; set; } = "";

    /// <summary>Webhook event types to forward (e.g. <c>issue_comment</c>); empty means every event.</summary>
    public List<string> Events { get; set; } = [];
}
