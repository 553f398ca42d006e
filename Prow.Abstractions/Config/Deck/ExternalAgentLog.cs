namespace Prow.Abstractions.Config.Deck;

/// <summary>Where Deck finds logs of jobs run by an external agent.</summary>
public sealed class ExternalAgentLog
{
    public string Agent { get; set; } = "";
    public string Selector { get; set; } = "";

    [YamlDotNet.Serialization.YamlMember(Alias = "url_template")]
    public string UrlTemplate { get; set; } = "";
}
