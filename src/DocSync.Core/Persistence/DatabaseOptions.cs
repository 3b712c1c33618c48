namespace DocSync.Core.Persistence;

/// <summary>Where DocSync keeps its data; bound from <c>DocSync:Database</c> and validated on start.</summary>
public sealed class DatabaseOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "DocSync:Database";

    /// <summary>Which database. Default <see cref="DatabaseProvider.Sqlite"/>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// The ADO.NET connection string. Default <c>Data Source=data/docsync.db</c> (SQLite, relative
    /// to the working directory; its folder is created on start). Required for PostgreSQL, e.g.
    /// <c>Host=127.0.0.1;Port=5432;Database=docsync;Username=docsync;Password=…</c>.
    /// </summary>
    public string ConnectionString { get; set; } = "Data Source=data/docsync.db";

    /// <summary>Whether to apply pending migrations on start. Default <see langword="true"/>.</summary>
    public bool MigrateOnStart { get; set; } = true;
}
