using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Hosting;
using Orleans.Runtime;

namespace Prow.Silo.Storage.Sqlite;

/// <summary>Registers the SQLite reminder table.</summary>
public static class SqliteReminderSiloBuilderExtensions
{
    /// <summary>Enables reminders and keeps them in the SQLite file the options name.</summary>
    public static ISiloBuilder UseSqliteReminderService(this ISiloBuilder builder, Action<SqliteReminderOptions> configureOptions) =>
        builder.ConfigureServices(services => services.UseSqliteReminderService(ob => ob.Configure(configureOptions)));

    /// <summary>Enables reminders and keeps them in SQLite, configured through an options builder.</summary>
    public static IServiceCollection UseSqliteReminderService(this IServiceCollection services, Action<OptionsBuilder<SqliteReminderOptions>> configureOptions)
    {
        services.AddReminders();
        configureOptions(services.AddOptions<SqliteReminderOptions>());
        services.TryAddSingleton<SqliteDatabaseRegistry>();
        services.AddSingleton<IReminderTable, SqliteReminderTable>();
        services.AddSingleton<IConfigurationValidator>(sp => new SqliteDatabaseOptionsValidator(
            sp.GetRequiredService<IOptions<SqliteReminderOptions>>().Value,
            "the SQLite reminder table"));
        return services;
    }
}
