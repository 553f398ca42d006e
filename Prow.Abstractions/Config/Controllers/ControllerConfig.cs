using Prow.Abstractions.Config.Yaml;

namespace Prow.Abstractions.Config.Controllers;

/// <summary>Settings shared by the job controllers (Prow's <c>Controller</c>, inline in plank and jenkins_operators).</summary>
public abstract class ControllerConfig : SourceLocated
{
    /// <summary>Go template of the job's URL (the GitHub "Details" link).</summary>
    [YamlDotNet.Serialization.YamlMember(Alias = "job_url_template")]
    public string JobUrlTemplate { get; set; } = "";

    /// <summary>Deprecated single report template; becomes report_templates["*"].</summary>
    public string ReportTemplate { get; set; } = "";

    /// <summary>Report comment templates by "org/repo", "org" or "*".</summary>
    public Dictionary<string, string>? ReportTemplates { get; set; }

    /// <summary>Maximum number of concurrently running jobs; 0 means no limit.</summary>
    public int MaxConcurrency { get; set; }

    /// <summary>Worker count of the controller; defaults to 20.</summary>
    public int MaxGoroutines { get; set; }
}
