namespace Prow.Silo.Storage.Sqlite;

/// <summary>Options of the SQLite reminder table.</summary>
public sealed class SqliteReminderOptions : SqliteDatabaseOptions
{
}
