namespace Prow.Abstractions.Config.Deck;

/// <summary>Deck's look.</summary>
public sealed class BrandingConfig
{
    public string Logo { get; set; } = "";
    public string Favicon { get; set; } = "";
    public string BackgroundColor { get; set; } = "";
    public string HeaderColor { get; set; } = "";
}
