using Microsoft.Data.Sqlite;
using Orleans.Runtime;

namespace Prow.Silo.Storage.Sqlite;

/// <summary>
/// A row of <c>prow_grain_state</c> and the statements on it. Every conditional statement checks
/// the ETag in its WHERE clause, so the check and the change are one atomic step.
/// </summary>
internal sealed record SqliteGrainStateRow(byte[]? Payload, string ETag)
{
    private const string KeyPredicate = "grain_type = $type AND grain_key = $key AND state_name = $state";

    public static SqliteGrainStateRow? Read(SqliteConnection connection, string stateName, GrainId grainId)
    {
        using var command = Command(connection, $"SELECT payload, etag FROM prow_grain_state WHERE {KeyPredicate};", stateName, grainId);
        using var reader = command.ExecuteReader();
        if (!reader.Read()) return null;
        var payload = reader.IsDBNull(0) ? null : (byte[])reader.GetValue(0);
        return new SqliteGrainStateRow(payload, reader.GetString(1));
    }

    /// <summary>
    /// Inserts when <paramref name="expectedETag"/> is null (fails if any row, even a tombstone,
    /// exists), else updates the row carrying that ETag. Returns false on an ETag conflict.
    /// </summary>
    public static bool Write(SqliteConnection connection, string stateName, GrainId grainId, string? expectedETag, string newETag, byte[] payload, long modifiedUnixMs)
    {
        var sql = expectedETag is null
            ? """
              INSERT INTO prow_grain_state (grain_type, grain_key, state_name, payload, etag, modified_utc)
              VALUES ($type, $key, $state, $payload, $etag, $modified)
              ON CONFLICT (grain_type, grain_key, state_name) DO NOTHING;
              """
            : $"UPDATE prow_grain_state SET payload = $payload, etag = $etag, modified_utc = $modified WHERE {KeyPredicate} AND etag = $expected;";
        using var command = Command(connection, sql, stateName, grainId);
        command.Parameters.Add("$payload", SqliteType.Blob).Value = payload;
        command.Parameters.AddWithValue("$etag", newETag);
        command.Parameters.AddWithValue("$modified", modifiedUnixMs);
        if (expectedETag is not null) command.Parameters.AddWithValue("$expected", expectedETag);
        return command.ExecuteNonQuery() == 1;
    }

    /// <summary>Drops the payload but keeps the row with a new ETag. Returns false on an ETag conflict.</summary>
    public static bool Tombstone(SqliteConnection connection, string stateName, GrainId grainId, string expectedETag, string newETag, long modifiedUnixMs)
    {
        using var command = Command(
            connection,
            $"UPDATE prow_grain_state SET payload = NULL, etag = $etag, modified_utc = $modified WHERE {KeyPredicate} AND etag = $expected;",
            stateName,
            grainId);
        command.Parameters.AddWithValue("$etag", newETag);
        command.Parameters.AddWithValue("$modified", modifiedUnixMs);
        command.Parameters.AddWithValue("$expected", expectedETag);
        return command.ExecuteNonQuery() == 1;
    }

    /// <summary>Deletes the row carrying <paramref name="expectedETag"/>. Returns false on an ETag conflict.</summary>
    public static bool Delete(SqliteConnection connection, string stateName, GrainId grainId, string expectedETag)
    {
        using var command = Command(connection, $"DELETE FROM prow_grain_state WHERE {KeyPredicate} AND etag = $expected;", stateName, grainId);
        command.Parameters.AddWithValue("$expected", expectedETag);
        return command.ExecuteNonQuery() == 1;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, string stateName, GrainId grainId)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$type", grainId.Type.ToString());
        command.Parameters.AddWithValue("$key", grainId.Key.ToString());
        command.Parameters.AddWithValue("$state", stateName);
        return command;
    }
}
