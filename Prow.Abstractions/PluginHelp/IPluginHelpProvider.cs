namespace Prow.Abstractions.PluginHelp;

/// <summary>Builds the plugin help (<c>/plugin-help.js</c>) from the built-in plugins and the plugins configuration in force.</summary>
public interface IPluginHelpProvider
{
    Task<PluginHelpDocument> GetHelpAsync(CancellationToken cancellationToken = default);
}
