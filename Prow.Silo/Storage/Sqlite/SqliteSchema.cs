using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Prow.Silo.Storage.Sqlite;

/// <summary>
/// Versioned schema of the embedded store. Each component (grain state, reminders) has an
/// ordered list of migrations; <c>prow_schema</c> records how many have been applied. A file
/// written by a newer build is refused rather than silently misread.
/// </summary>
internal static class SqliteSchema
{
    public const string GrainStateComponent = "grain_state";
    public const string RemindersComponent = "reminders";

    public static IReadOnlyList<string> GrainStateMigrations { get; } =
    [
        // v1: one row per (grain type, grain key, state name); payload NULL marks a cleared
        // (tombstoned) state whose ETag chain continues.
        """
        CREATE TABLE IF NOT EXISTS prow_grain_state (
            grain_type   TEXT    NOT NULL,
            grain_key    TEXT    NOT NULL,
            state_name   TEXT    NOT NULL,
            payload      BLOB    NULL,
            etag         TEXT    NOT NULL,
            modified_utc INTEGER NOT NULL,
            PRIMARY KEY (grain_type, grain_key, state_name)
        );
        """,
    ];

    public static IReadOnlyList<string> ReminderMigrations { get; } =
    [
        // v1: grain_hash is GrainId.GetUniformHashCode() (a uint) for the ring-range reads.
        """
        CREATE TABLE IF NOT EXISTS prow_reminders (
            grain_id       TEXT    NOT NULL,
            reminder_name  TEXT    NOT NULL,
            grain_hash     INTEGER NOT NULL,
            start_at_ticks INTEGER NOT NULL,
            period_ticks   INTEGER NOT NULL,
            etag           TEXT    NOT NULL,
            PRIMARY KEY (grain_id, reminder_name)
        );
        CREATE INDEX IF NOT EXISTS ix_prow_reminders_grain_hash ON prow_reminders (grain_hash);
        """,
    ];

    /// <summary>Applies the migrations <paramref name="component"/> lacks, in one transaction.</summary>
    public static void Migrate(SqliteConnection connection, string component, IReadOnlyList<string> migrations)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        Execute(connection, """
            CREATE TABLE IF NOT EXISTS prow_schema (
                component   TEXT    NOT NULL PRIMARY KEY,
                version     INTEGER NOT NULL,
                applied_utc TEXT    NOT NULL
            );
            """);

        using var read = connection.CreateCommand();
        read.CommandText = "SELECT version FROM prow_schema WHERE component = $component;";
        read.Parameters.AddWithValue("$component", component);
        var current = read.ExecuteScalar() is long stored ? (int)stored : 0;
        if (current > migrations.Count)
            throw new InvalidOperationException(
                $"The SQLite store '{connection.DataSource}' has {component} schema version {current}, newer than this build supports ({migrations.Count}). Use a newer build or another data directory.");

        for (var version = current; version < migrations.Count; version++)
            Execute(connection, migrations[version]);

        if (current < migrations.Count)
        {
            using var write = connection.CreateCommand();
            write.CommandText = """
                INSERT INTO prow_schema (component, version, applied_utc) VALUES ($component, $version, $applied)
                ON CONFLICT (component) DO UPDATE SET version = excluded.version, applied_utc = excluded.applied_utc;
                """;
            write.Parameters.AddWithValue("$component", component);
            write.Parameters.AddWithValue("$version", migrations.Count);
            write.Parameters.AddWithValue("$applied", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            write.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
