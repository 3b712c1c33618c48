namespace DocSync.Web.Tests.Infrastructure;

/// <summary>Every web test shares one <see cref="Databases"/> fixture (one PostgreSQL cluster per run).</summary>
[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<Databases>
{
    public const string Name = "web";
}
