using Prow.Grains.Plugins;

namespace Prow.Grains.Tests.Plugins;

/// <summary>A plugin that records how it was called (and can throw), under a name plugins.yaml accepts.</summary>
internal sealed class ProbePlugin(string name, IReadOnlyList<string>? events = null, IReadOnlyList<PluginCommand>? commands = null, bool throws = false) : IPlugin
{
    public List<string> Calls { get; } = [];

    public string Name => name;

    public string Description => "probe " + name;

    public IReadOnlyList<string> Events => events ?? [];

    public IReadOnlyList<PluginCommand> Commands => commands ?? [];

    public async Task HandleEventAsync(PluginContext context, CancellationToken cancellationToken)
    {
        Calls.Add($"{context.EventType}/{context.Payload.Action ?? "none"} {context.Org}/{context.Repo}" + (context.Comment is null ? "" : " comment"));
        if (throws)
        {
            await context.GitHub.GetIssueLabelsAsync(context.Org, context.Repo, context.Number ?? 0, cancellationToken);
            throw new InvalidOperationException("probe failure");
        }
    }

    public Task HandleCommandsAsync(PluginContext context, IReadOnlyList<CommandMatch> found, CancellationToken cancellationToken)
    {
        Calls.Add("commands " + string.Join(",", found.Select(m => "/" + m.Name + (m.Arguments.Length > 0 ? " " + m.Arguments : ""))) + $" by {context.Comment!.User.Login}");
        return Task.CompletedTask;
    }
}
