namespace DocSync.Core.Tests.Infrastructure;

/// <summary>Persistence tests share one <see cref="DatabaseFixture"/> (and so one PostgreSQL cluster).</summary>
[CollectionDefinition(Name)]
public sealed class DatabaseCollection : ICollectionFixture<DatabaseFixture>
{
    public const string Name = "Database";
}
