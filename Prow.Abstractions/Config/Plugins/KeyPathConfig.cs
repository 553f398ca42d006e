namespace Prow.Abstractions.Config.Plugins;

/// <summary>Configuration of a plugin that only needs an API key file (<c>cat:</c>, <c>goose:</c>).</summary>
public sealed class KeyPathConfig
{
    /// <summary>Path of the file holding the API key.</summary>
    public string KeyPath { get; set; } = "";
}
