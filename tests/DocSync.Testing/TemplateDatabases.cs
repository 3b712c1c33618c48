using DocSync.Core.Access;
using DocSync.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DocSync.Testing;

/// <summary>
/// One migrated template database per provider (a SQLite file; a database in a throwaway PostgreSQL
/// cluster), copied for every test so no two tests share data and none pays for migrations.
/// Test suites derive their xUnit fixture from it.
/// </summary>
public class TemplateDatabases
{
    private readonly string _template;
    private readonly string _folder;
    private PostgresCluster? _postgres;
    private int _counter;

    /// <param name="name">Names the template and the temporary folder (one per suite).</param>
    protected TemplateDatabases(string name)
    {
        _template = name + "_template";
        _folder = Directory.CreateTempSubdirectory($"{name}-").FullName;
    }

    /// <summary>The running cluster.</summary>
    public PostgresCluster Postgres => _postgres ?? throw new InvalidOperationException("The cluster is not started.");

    private string SqliteTemplate => Path.Combine(_folder, "template.db");

    /// <summary>Starts the cluster and migrates both templates.</summary>
    public async Task InitializeAsync()
    {
        _postgres = PostgresCluster.Start();
        await MigrateAsync(DatabaseProvider.Sqlite, $"Data Source={SqliteTemplate};Pooling=false");
        await using (var connection = new NpgsqlConnection(_postgres.ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {_template}", connection);
            await create.ExecuteNonQueryAsync();
        }

        await MigrateAsync(DatabaseProvider.PostgreSql, _postgres.ConnectionString(_template));

        // CREATE DATABASE … TEMPLATE needs the template to have no open connections.
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>Stops the cluster and deletes every file made.</summary>
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
            File.Copy(SqliteTemplate, path);
            return $"Data Source={path}";
        }

        await using var connection = new NpgsqlConnection(Postgres.ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE {_template}", connection);
        await create.ExecuteNonQueryAsync();
        return Postgres.ConnectionString(name);
    }

    /// <summary>A fresh empty folder under the temporary folder.</summary>
    public string NewFolder() => Directory.CreateDirectory(Path.Combine(_folder, Guid.NewGuid().ToString("N"))).FullName;

    private static async Task MigrateAsync(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<DocSyncDbContext>().UseDocSyncDatabase(provider, connectionString).Options;
        await using var db = new DocSyncDbContext(options, new CompanyContext(), TimeProvider.System);
        await db.Database.MigrateAsync();
    }
}
