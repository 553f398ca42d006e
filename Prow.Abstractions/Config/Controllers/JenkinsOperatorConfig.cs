namespace Prow.Abstractions.Config.Controllers;

/// <summary>One jenkins-operator instance.</summary>
public sealed class JenkinsOperatorConfig : ControllerConfig
{
    /// <summary>Label selector matching the operator's --label-selector.</summary>
    public string LabelSelector { get; set; } = "";
}
