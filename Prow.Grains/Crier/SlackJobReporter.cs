using Microsoft.Extensions.Logging;
using Prow.Abstractions.Config;
using Prow.Abstractions.Jobs;
using Prow.Grains.Jobs;
using Prow.Grains.Ports;

namespace Prow.Grains.Crier;

/// <summary>
/// Crier's slackreporter: the states <see cref="SlackReport.ShouldReport"/> picks, as the rendered
/// <c>report_template</c>, to the merged config's channel on its Slack host. A host without credentials and
/// Slack's permanent refusals are logged and end the report (not retried); transient failures throw.
/// </summary>
public sealed partial class SlackJobReporter(ISlackClient slack, ILogger<SlackJobReporter> logger) : IJobReporter
{
    public string Name => SlackReport.ReporterName;

    public bool ShouldReport(ProwJob job, ProwConfig config) => SlackReport.ShouldReport(job, config);

    public async Task ReportAsync(ProwJob job, ProwConfig config, CancellationToken cancellationToken)
    {
        var state = ProwJobStateMachine.Name(job.Status.State);
        if (SlackReport.Target(job, config) is not { } target)
        {
            LogGaveUp(job.Name, state, "no Slack config for the job");
            return;
        }
        var host = SlackReport.Host(target);
        if (!slack.HasHost(host))
        {
            LogGaveUp(job.Name, state, $"no Slack credentials for host \"{host}\"");
            return;
        }
        if (target.Channel.Length == 0)
        {
            LogGaveUp(job.Name, state, "no channel");
            return;
        }
        if (await slack.PostMessageAsync(host, target.Channel, SlackReport.Message(job, target), cancellationToken) is { } refused)
            LogGaveUp(job.Name, state, $"Slack refused the message to {target.Channel}: {refused}");
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "ProwJob {Name}: not reporting state {State} to Slack: {Reason}")]
    private partial void LogGaveUp(string name, string state, string reason);
}
