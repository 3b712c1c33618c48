using DocSync.Core.Access;
using DocSync.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DocSync.Core.Tests.Infrastructure;

/// <summary>
/// Shared by every persistence test: one migrated template database per provider (a SQLite file,
/// a PostgreSQL database in a throwaway cluster), copied for each test so tests never share data.
/// </summary>
public sealed class DatabaseFixture : IAsyncLifetime
{
    private const string Template = "docsync_template";
    private readonly string _folder = Directory.CreateTempSubdirectory("docsync-core-tests-").FullName;
    private PostgresCluster? _postgres;
    private int _counter;

    public string SqliteTemplatePath => Path.Combine(_folder, "template.db");

    public PostgresCluster Postgres => _postgres ?? throw new InvalidOperationException("The cluster is not started.");

    public async Task InitializeAsync()
    {
        _postgres = PostgresCluster.Start();
        await MigrateAsync(DatabaseProvider.Sqlite, $"Data Source={SqliteTemplatePath};Pooling=false");
        await using (var connection = new NpgsqlConnection(_postgres.ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {Template}", connection);
            await create.ExecuteNonQueryAsync();
        }

        await MigrateAsync(DatabaseProvider.PostgreSql, _postgres.ConnectionString(Template));

        // CREATE DATABASE … TEMPLATE needs the template to have no open connections.
        NpgsqlConnection.ClearAllPools();
    }

    public Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        _postgres?.Dispose();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>A fresh database with every migration applied; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(DatabaseProvider provider)
    {
        var name = $"t{Interlocked.Increment(ref _counter)}_{Guid.NewGuid():N}"[..24];
        if (provider == DatabaseProvider.Sqlite)
        {
            var path = Path.Combine(_folder, name + ".db");
            File.Copy(SqliteTemplatePath, path);
            return $"Data Source={path}";
        }

        await using var connection = new NpgsqlConnection(Postgres.ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE {Template}", connection);
        await create.ExecuteNonQueryAsync();
        return Postgres.ConnectionString(name);
    }

    public string NewFolder() => Directory.CreateDirectory(Path.Combine(_folder, Guid.NewGuid().ToString("N"))).FullName;

    private static async Task MigrateAsync(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<DocSyncDbContext>().UseDocSyncDatabase(provider, connectionString).Options;
        await using var db = new DocSyncDbContext(options, new CompanyContext(), TimeProvider.System);
        await db.Database.MigrateAsync();
    }
}
