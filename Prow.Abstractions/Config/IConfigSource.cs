namespace Prow.Abstractions.Config;

/// <summary>
/// The configuration in force. <see cref="Current"/> is swapped atomically on a successful reload;
/// a reload that fails validation leaves it unchanged.
/// </summary>
public interface IConfigSource
{
    ConfigSnapshot Current { get; }

    /// <summary>Raised after a new snapshot has been swapped in.</summary>
    event Action<ConfigSnapshot>? Changed;
}
