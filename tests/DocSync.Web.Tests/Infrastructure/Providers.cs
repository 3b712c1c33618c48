using DocSync.Core.Persistence;

namespace DocSync.Web.Tests.Infrastructure;

/// <summary>Theory data: every database DocSync supports.</summary>
public static class Providers
{
    public static TheoryData<DatabaseProvider> All => new(DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql);
}
