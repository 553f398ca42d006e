using Orleans;
using Orleans.Runtime;

namespace Prow.Silo.Storage.Sqlite;

/// <summary>
/// Checks at silo start that the SQLite options name exactly one durable database file and that
/// the file (or the directory it will be created in) is writable, so a bad data dir fails fast
/// with the path in the message instead of at the first grain write.
/// </summary>
public sealed class SqliteDatabaseOptionsValidator(SqliteDatabaseOptions options, string description) : IConfigurationValidator
{
    public void ValidateConfiguration()
    {
        SqliteConnectionSettings settings;
        try
        {
            settings = SqliteConnectionSettings.From(options);
        }
        catch (ArgumentException ex)
        {
            throw Invalid(ex.Message);
        }

        var problem = FindWriteProblem(settings.FilePath);
        if (problem is not null) throw Invalid(problem);
    }

    private OrleansConfigurationException Invalid(string reason) =>
        new($"Invalid {options.GetType().Name} for {description}: {reason}.");

    /// <summary>Returns why the database file cannot be created or written, or null when it can.</summary>
    internal static string? FindWriteProblem(string filePath)
    {
        if (Directory.Exists(filePath))
            return $"the database path '{filePath}' is a directory; name a file inside it (e.g. {SqliteDatabaseOptions.DefaultFileName})";

        var directory = Path.GetDirectoryName(filePath);
        if (string.IsNullOrEmpty(directory))
            return $"the database path '{filePath}' has no directory";

        // The directory may not exist yet (it is created on start): walk up to the first existing
        // ancestor, which must be a directory we can create files in.
        var existing = directory;
        while (!Directory.Exists(existing))
        {
            if (File.Exists(existing))
                return $"cannot create the directory '{directory}' for the database: '{existing}' is a file";
            var parent = Path.GetDirectoryName(existing);
            if (string.IsNullOrEmpty(parent))
                return $"cannot create the directory '{directory}' for the database: no existing ancestor";
            existing = parent;
        }

        try
        {
            // WAL mode needs the directory writable (the -wal and -shm files live beside the database).
            var probe = Path.Combine(existing, $".prow-write-probe-{Guid.NewGuid():N}");
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }

            if (File.Exists(filePath))
            {
                using var stream = new FileStream(filePath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
            }
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            return $"the database file '{filePath}' is not writable: {ex.Message}";
        }

        return null;
    }
}
