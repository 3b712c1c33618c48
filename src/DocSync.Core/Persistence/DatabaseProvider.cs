namespace DocSync.Core.Persistence;

/// <summary>The database DocSync stores its model in.</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded SQLite file (the default).</summary>
    Sqlite = 0,

    /// <summary>A PostgreSQL server (scale-out: several instances on one database).</summary>
    PostgreSql = 1,
}
