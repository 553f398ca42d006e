using Orleans.Runtime;
using Prow.Silo.Storage.Sqlite;

namespace Prow.Silo.Tests.Storage.Sqlite;

public sealed class SqliteDatabaseOptionsValidatorTests : IDisposable
{
    private readonly SqliteTestDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string, string?, string?, string> InvalidCases => new()
    {
        { "neither path nor connection string", null, null, "exactly one of DatabasePath or ConnectionString" },
        { "both path and connection string", "a.db", "Data Source=b.db", "exactly one of DatabasePath or ConnectionString" },
        { "in-memory connection string", null, "Data Source=:memory:", "does not survive a restart" },
        { "memory mode", null, "Data Source=x;Mode=Memory", "does not survive a restart" },
        { "read-only mode", null, "Data Source=x.db;Mode=ReadOnly", "read-only" },
        { "malformed connection string", null, "Data Source=x.db;Colour=blue", "not a valid SQLite connection string" },
    };

    [Fact]
    public void Validate_ZeroBusyTimeout_Fails()
    {
        var options = new SqliteReminderOptions { DatabasePath = _dir.DatabasePath, BusyTimeout = TimeSpan.Zero };

        var ex = Assert.Throws<OrleansConfigurationException>(new SqliteDatabaseOptionsValidator(options, "test").ValidateConfiguration);

        Assert.Contains("BusyTimeout must be positive", ex.Message);
    }

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void Validate_InvalidSettings_FailsWithReason(string name, string? path, string? connectionString, string expected)
    {
        var options = new SqliteReminderOptions { DatabasePath = path, ConnectionString = connectionString };

        var ex = Assert.Throws<OrleansConfigurationException>(new SqliteDatabaseOptionsValidator(options, "test").ValidateConfiguration);

        Assert.Contains(expected, ex.Message);
        Assert.Contains("SqliteReminderOptions", ex.Message);
        Assert.False(string.IsNullOrEmpty(name));
    }

    [Fact]
    public void Validate_PathBelowAFile_FailsNamingThePath()
    {
        var blocker = Path.Combine(_dir.Root, "not-a-dir");
        File.WriteAllText(blocker, "");
        var path = Path.Combine(blocker, "data", "prow.db");

        var ex = Assert.Throws<OrleansConfigurationException>(
            new SqliteDatabaseOptionsValidator(new SqliteStorageOptions { DatabasePath = path }, "grain storage 'Default'").ValidateConfiguration);

        Assert.Contains(blocker, ex.Message);
        Assert.Contains("grain storage 'Default'", ex.Message);
    }

    [Fact]
    public void Validate_PathIsADirectory_Fails()
    {
        var ex = Assert.Throws<OrleansConfigurationException>(
            new SqliteDatabaseOptionsValidator(new SqliteStorageOptions { DatabasePath = _dir.Root }, "test").ValidateConfiguration);

        Assert.Contains("is a directory", ex.Message);
    }

    [Fact]
    public void Validate_ReadOnlyDatabaseFile_Fails()
    {
        if (OperatingSystem.IsWindows() || Environment.UserName == "root") return; // root ignores file modes
        var path = Path.Combine(_dir.Root, "ro.db");
        File.WriteAllText(path, "");
        File.SetUnixFileMode(path, UnixFileMode.UserRead);

        var ex = Assert.Throws<OrleansConfigurationException>(
            new SqliteDatabaseOptionsValidator(new SqliteStorageOptions { DatabasePath = path }, "test").ValidateConfiguration);

        Assert.Contains("not writable", ex.Message);
    }

    [Fact]
    public void Validate_PathInMissingDirectories_Passes()
    {
        var path = Path.Combine(_dir.Root, "a", "b", "prow.db");

        new SqliteDatabaseOptionsValidator(new SqliteReminderOptions { DatabasePath = path }, "test").ValidateConfiguration();

        Assert.False(Directory.Exists(Path.Combine(_dir.Root, "a")));
    }

    [Fact]
    public void Validate_ConnectionStringWithFile_Passes() =>
        new SqliteDatabaseOptionsValidator(new SqliteReminderOptions { ConnectionString = $"Data Source={_dir.DatabasePath};Cache=Shared" }, "test").ValidateConfiguration();
}
