using System.Text.Json;
using System.Text.Json.Serialization;

namespace Prow.Abstractions.Jobs;

/// <summary>Slack reporting of one job.</summary>
[GenerateSerializer]
[Alias("prow.jobs.SlackReporterConfig")]
public sealed class SlackReporterConfig
{
    [Id(0)] [JsonPropertyName("host")] public string Host { get; set; } = "";
    [Id(1)] [JsonPropertyName("channel")] public string Channel { get; set; } = "";
    [Id(2)] [JsonPropertyName("job_states_to_report")] public List<ProwJobState>? JobStatesToReport { get; set; }
    [Id(3)] [JsonPropertyName("report_template")] public string ReportTemplate { get; set; } = "";

    /// <summary>Explicit on/off; ProwJob creation derives it from <see cref="JobStatesToReport"/> when unset.</summary>
    [Id(4)] [JsonPropertyName("report")] public bool? Report { get; set; }

    [Id(5)] [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}
