using Microsoft.Extensions.Logging;

namespace Prow.Grains.Plugins.Hold;

/// <summary>
/// Prow's <c>hold</c>: anyone may put <c>do-not-merge/hold</c> on a pull request with <c>/hold</c> and take it
/// off with <c>/hold cancel</c>, <c>/unhold</c> or <c>/remove-hold</c>. Anything may follow the command on its
/// line, as in Prow; a comment that both holds and cancels cancels. Pull requests only, and it replies nothing.
/// </summary>
public sealed class HoldPlugin : IPlugin
{
    public const string Label = "do-not-merge/hold";

    public string Name => "hold";

    public string Description =>
        "The hold plugin allows anyone to add or remove the '" + Label + "' Label from a pull request in order to temporarily prevent the PR from merging without withholding approval.";

    public IReadOnlyList<PluginCommand> Commands { get; } =
    [
        new PluginCommand
        {
            Names = ["hold", "unhold", "remove-hold"],
            Arguments = ".*",
            Targets = CommandTargets.PullRequests,
            Usage = "/[remove-][un]hold [cancel]",
            Description = "Adds or removes the `" + Label + "` Label which is used to indicate that the PR should not be automatically merged.",
            WhoCanUse = "Anyone can use the /hold command to add or remove the '" + Label + "' Label.",
            Examples = ["/hold", "/hold cancel", "/unhold", "/remove-hold"],
        },
    ];

    public async Task HandleCommandsAsync(PluginContext context, IReadOnlyList<CommandMatch> commands, CancellationToken cancellationToken)
    {
        var hold = !commands.Any(IsCancel);
        var (org, repo, number) = (context.Org, context.Repo, context.RequiredNumber);
        var labels = await context.GitHub.GetIssueLabelsAsync(org, repo, number, cancellationToken);
        var held = labels.Any(l => l.Name.Equals(Label, StringComparison.OrdinalIgnoreCase));
        if (held && !hold)
        {
            context.Logger.LogInformation("Removing {Label} from {Org}/{Repo}#{Number}", Label, org, repo, number);
            await context.GitHub.RemoveLabelAsync(org, repo, number, Label, cancellationToken);
        }
        else if (!held && hold)
        {
            context.Logger.LogInformation("Adding {Label} to {Org}/{Repo}#{Number}", Label, org, repo, number);
            await context.GitHub.AddLabelsAsync(org, repo, number, [Label], cancellationToken);
        }
    }

    private static bool IsCancel(CommandMatch command) =>
        command.Name != "hold" || command.FirstArgument.Equals("cancel", StringComparison.OrdinalIgnoreCase);
}
