using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Hosting;
using Orleans.Providers;
using Orleans.Runtime;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace Prow.Silo.Storage.Sqlite;

/// <summary>Registers SQLite grain storage providers.</summary>
public static class SqliteGrainStorageSiloBuilderExtensions
{
    /// <summary>Adds SQLite grain storage as the provider used by <c>[PersistentState]</c> without a storage name.</summary>
    public static ISiloBuilder AddSqliteGrainStorageAsDefault(this ISiloBuilder builder, Action<SqliteStorageOptions> configureOptions) =>
        builder.AddSqliteGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, configureOptions);

    /// <summary>Adds a named SQLite grain storage provider.</summary>
    public static ISiloBuilder AddSqliteGrainStorage(this ISiloBuilder builder, string name, Action<SqliteStorageOptions> configureOptions) =>
        builder.ConfigureServices(services => services.AddSqliteGrainStorage(name, ob => ob.Configure(configureOptions)));

    /// <summary>Adds a named SQLite grain storage provider, configured through an options builder.</summary>
    public static IServiceCollection AddSqliteGrainStorage(this IServiceCollection services, string name, Action<OptionsBuilder<SqliteStorageOptions>>? configureOptions = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        configureOptions?.Invoke(services.AddOptions<SqliteStorageOptions>(name));
        services.TryAddSingleton<SqliteDatabaseRegistry>();
        services.TryAddEnumerable(ServiceDescriptor.Transient<IPostConfigureOptions<SqliteStorageOptions>, DefaultStorageProviderSerializerOptionsConfigurator<SqliteStorageOptions>>());
        services.AddTransient<IConfigurationValidator>(sp => new SqliteDatabaseOptionsValidator(
            sp.GetRequiredService<IOptionsMonitor<SqliteStorageOptions>>().Get(name),
            $"SQLite grain storage '{name}'"));
        return services.AddGrainStorage(name, SqliteGrainStorage.Create);
    }
}
