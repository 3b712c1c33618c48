using DocSync.Core.Persistence;

namespace DocSync.Core.Tests.Infrastructure;

/// <summary>Every persistence test runs once per provider.</summary>
public static class Providers
{
    public static TheoryData<DatabaseProvider> All => new() { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql };
}
