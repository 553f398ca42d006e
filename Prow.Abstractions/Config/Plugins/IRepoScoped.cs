namespace Prow.Abstractions.Config.Plugins;

/// <summary>A plugin configuration entry that applies to a list of <c>org</c> and <c>org/repo</c> entries.</summary>
public interface IRepoScoped
{
    List<string> Repos { get; }
}
