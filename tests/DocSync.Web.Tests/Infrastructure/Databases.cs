using DocSync.Core.Access;
using DocSync.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DocSync.Web.Tests.Infrastructure;

/// <summary>
/// One migrated template database per provider (a SQLite file; a database in a throwaway PostgreSQL
/// cluster), copied for every test host so no two tests share data and none pays for migrations.
/// </summary>
public sealed class Databases : IAsyncLifetime
{
    private const string Template = "docsync_web_template";
    private readonly string _folder = Directory.CreateTempSubdirectory("docsync-web-tests-").FullName;
    private PostgresCluster? _postgres;
    private int _counter;

    private string SqliteTemplate => Path.Combine(_folder, "template.db");

    public async Task InitializeAsync()
    {
        _postgres = PostgresCluster.Start();
        await MigrateAsync(DatabaseProvider.Sqlite, $"Data Source={SqliteTemplate};Pooling=false");
        await using (var connection = new NpgsqlConnection(_postgres.ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {Template}", connection);
            await create.ExecuteNonQueryAsync();
        }

        await MigrateAsync(DatabaseProvider.PostgreSql, _postgres.ConnectionString(Template));
        NpgsqlConnection.ClearAllPools();
    }

    public Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        _postgres?.Dispose();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>A fresh, migrated database; returns its connection string.</summary>
    public async Task<string> CreateAsync(DatabaseProvider provider)
    {
        var name = $"w{Interlocked.Increment(ref _counter)}_{Guid.NewGuid():N}"[..24];
        if (provider == DatabaseProvider.Sqlite)
        {
            var path = Path.Combine(_folder, name + ".db");
            File.Copy(SqliteTemplate, path);
            return $"Data Source={path}";
        }

        await using var connection = new NpgsqlConnection(_postgres!.ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE {Template}", connection);
        await create.ExecuteNonQueryAsync();
        return _postgres.ConnectionString(name);
    }

    /// <summary>A fresh empty folder under the fixture's temporary folder.</summary>
    public string NewFolder() => Directory.CreateDirectory(Path.Combine(_folder, Guid.NewGuid().ToString("N"))).FullName;

    private static async Task MigrateAsync(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<DocSyncDbContext>().UseDocSyncDatabase(provider, connectionString).Options;
        await using var db = new DocSyncDbContext(options, new CompanyContext(), TimeProvider.System);
        await db.Database.MigrateAsync();
    }
}
