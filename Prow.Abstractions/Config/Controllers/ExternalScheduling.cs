namespace Prow.Abstractions.Config.Controllers;

/// <summary>Asks a REST service which cluster a ProwJob goes to.</summary>
public sealed class ExternalScheduling
{
    public string Url { get; set; } = "";
    public ExternalSchedulingCache Cache { get; set; } = new();
}
