namespace Prow.Abstractions.Config.Deck;

/// <summary>How to reach a remote lens.</summary>
public sealed class LensRemoteConfig
{
    public string Endpoint { get; set; } = "";
    public string StaticRoot { get; set; } = "";
    public string Title { get; set; } = "";
    public int? Priority { get; set; }
    public bool? HideTitle { get; set; }
}
