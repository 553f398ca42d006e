using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Runtime;

namespace Prow.Silo.Storage.Sqlite;

/// <summary>
/// Orleans reminder table in the embedded SQLite file. Each row stores the grain's uniform hash so
/// the reminder service can load the reminders of its ring range; every upsert issues a new ETag
/// and removal only succeeds with the current one.
/// </summary>
public sealed partial class SqliteReminderTable : IReminderTable
{
    private const string Columns = "grain_id, reminder_name, start_at_ticks, period_ticks, etag";

    private readonly SqliteDatabase _database;
    private readonly ILogger _logger;

    public SqliteReminderTable(IOptions<SqliteReminderOptions> options, SqliteDatabaseRegistry registry, ILogger<SqliteReminderTable> logger)
    {
        _database = registry.Open(options.Value);
        _logger = logger;
    }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _database.EnsureSchemaAsync(SqliteSchema.RemindersComponent, SqliteSchema.ReminderMigrations, cancellationToken).ConfigureAwait(false);
        LogInitialized(_database.Settings.FilePath);
    }

    public Task<ReminderTableData> ReadRows(GrainId grainId) => ReadRows(grainId, CancellationToken.None);

    public Task<ReminderTableData> ReadRows(GrainId grainId, CancellationToken cancellationToken) =>
        _database.ReadAsync(c =>
        {
            using var command = c.CreateCommand();
            command.CommandText = $"SELECT {Columns} FROM prow_reminders WHERE grain_id = $grain;";
            command.Parameters.AddWithValue("$grain", grainId.ToString());
            return new ReminderTableData(ReadEntries(command));
        }, cancellationToken);

    public Task<ReminderTableData> ReadRows(uint begin, uint end) => ReadRows(begin, end, CancellationToken.None);

    /// <summary>
    /// Reminders whose grain hash lies in the ring range (begin, end]: when begin &lt; end that is
    /// begin &lt; hash &lt;= end; otherwise the range wraps past uint.MaxValue (begin == end is the whole ring).
    /// </summary>
    public Task<ReminderTableData> ReadRows(uint begin, uint end, CancellationToken cancellationToken) =>
        _database.ReadAsync(c =>
        {
            using var command = c.CreateCommand();
            var predicate = begin < end
                ? "grain_hash > $begin AND grain_hash <= $end"
                : "grain_hash > $begin OR grain_hash <= $end";
            command.CommandText = $"SELECT {Columns} FROM prow_reminders WHERE {predicate};";
            command.Parameters.AddWithValue("$begin", (long)begin);
            command.Parameters.AddWithValue("$end", (long)end);
            return new ReminderTableData(ReadEntries(command));
        }, cancellationToken);

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => ReadRow(grainId, reminderName, CancellationToken.None);

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName, CancellationToken cancellationToken) =>
        _database.ReadAsync(c =>
        {
            using var command = c.CreateCommand();
            command.CommandText = $"SELECT {Columns} FROM prow_reminders WHERE grain_id = $grain AND reminder_name = $name;";
            command.Parameters.AddWithValue("$grain", grainId.ToString());
            command.Parameters.AddWithValue("$name", reminderName);
            return ReadEntries(command).FirstOrDefault();
        }, cancellationToken);

    public Task<string?> UpsertRow(ReminderEntry entry) => UpsertRow(entry, CancellationToken.None);

    public async Task<string?> UpsertRow(ReminderEntry entry, CancellationToken cancellationToken)
    {
        var eTag = Guid.NewGuid().ToString("N");
        // Unspecified kind is taken as UTC, as the official providers do; local times are converted.
        var startAt = entry.StartAt.Kind == DateTimeKind.Local ? entry.StartAt.ToUniversalTime() : entry.StartAt;
        await _database.WriteAsync(c =>
        {
            using var command = c.CreateCommand();
            command.CommandText = """
                INSERT INTO prow_reminders (grain_id, reminder_name, grain_hash, start_at_ticks, period_ticks, etag)
                VALUES ($grain, $name, $hash, $start, $period, $etag)
                ON CONFLICT (grain_id, reminder_name) DO UPDATE SET
                    grain_hash = excluded.grain_hash, start_at_ticks = excluded.start_at_ticks,
                    period_ticks = excluded.period_ticks, etag = excluded.etag;
                """;
            command.Parameters.AddWithValue("$grain", entry.GrainId.ToString());
            command.Parameters.AddWithValue("$name", entry.ReminderName);
            command.Parameters.AddWithValue("$hash", (long)entry.GrainId.GetUniformHashCode());
            command.Parameters.AddWithValue("$start", startAt.Ticks);
            command.Parameters.AddWithValue("$period", entry.Period.Ticks);
            command.Parameters.AddWithValue("$etag", eTag);
            return command.ExecuteNonQuery();
        }, cancellationToken).ConfigureAwait(false);
        return eTag;
    }

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) => RemoveRow(grainId, reminderName, eTag, CancellationToken.None);

    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken)
    {
        var removed = await _database.WriteAsync(c =>
        {
            using var command = c.CreateCommand();
            command.CommandText = "DELETE FROM prow_reminders WHERE grain_id = $grain AND reminder_name = $name AND etag = $etag;";
            command.Parameters.AddWithValue("$grain", grainId.ToString());
            command.Parameters.AddWithValue("$name", reminderName);
            command.Parameters.AddWithValue("$etag", eTag);
            return command.ExecuteNonQuery() == 1;
        }, cancellationToken).ConfigureAwait(false);
        if (!removed) LogRemoveConflict(grainId, reminderName, eTag);
        return removed;
    }

    public Task TestOnlyClearTable() => TestOnlyClearTable(CancellationToken.None);

    public Task TestOnlyClearTable(CancellationToken cancellationToken) =>
        _database.WriteAsync(c =>
        {
            using var command = c.CreateCommand();
            command.CommandText = "DELETE FROM prow_reminders;";
            return command.ExecuteNonQuery();
        }, cancellationToken);

    private static List<ReminderEntry> ReadEntries(SqliteCommand command)
    {
        var entries = new List<ReminderEntry>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            entries.Add(new ReminderEntry
            {
                GrainId = GrainId.Parse(reader.GetString(0)),
                ReminderName = reader.GetString(1),
                StartAt = new DateTime(reader.GetInt64(2), DateTimeKind.Utc),
                Period = TimeSpan.FromTicks(reader.GetInt64(3)),
                ETag = reader.GetString(4),
            });
        }

        return entries;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SQLite reminder table ready at {FilePath}")]
    private partial void LogInitialized(string filePath);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Reminder {ReminderName} of {GrainId} not removed: no row with ETag {ETag}")]
    private partial void LogRemoveConflict(GrainId grainId, string reminderName, string eTag);
}
