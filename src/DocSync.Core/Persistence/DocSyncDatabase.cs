using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DocSync.Core.Persistence;

/// <summary>Chooses the provider and the migrations assembly of <see cref="DocSyncDbContext"/>.</summary>
public static class DocSyncDatabase
{
    /// <summary>The assembly holding the SQLite migrations.</summary>
    public const string SqliteMigrationsAssembly = "DocSync.Core.Migrations.Sqlite";

    /// <summary>The assembly holding the PostgreSQL migrations.</summary>
    public const string PostgreSqlMigrationsAssembly = "DocSync.Core.Migrations.PostgreSql";

    /// <summary>Configures <paramref name="builder"/> for <paramref name="provider"/> with its migration set.</summary>
    /// <typeparam name="TBuilder">The options builder type.</typeparam>
    /// <param name="builder">The options builder.</param>
    /// <param name="provider">SQLite or PostgreSQL.</param>
    /// <param name="connectionString">The connection string.</param>
    public static TBuilder UseDocSyncDatabase<TBuilder>(this TBuilder builder, DatabaseProvider provider, string connectionString)
        where TBuilder : DbContextOptionsBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        _ = provider switch
        {
            DatabaseProvider.Sqlite => builder.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly)).AddInterceptors(SqliteBusyTimeout.Instance),
            DatabaseProvider.PostgreSql => builder.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgreSqlMigrationsAssembly)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
        };
        return builder;
    }

    /// <summary>
    /// Creates the folder of a SQLite database file if it is missing (SQLite creates the file, not
    /// its folder). Does nothing for PostgreSQL or in-memory databases.
    /// </summary>
    /// <param name="options">The database options.</param>
    public static void EnsureSqliteFolder(DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        var dataSource = new SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
        if (dataSource.Length > 0 && dataSource != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(dataSource)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }
    }
}
