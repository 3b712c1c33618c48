using DocSync.Core.Access;
using DocSync.Core.Companies;
using DocSync.Core.Persistence;
using DocSync.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DocSync.Core.Tests.Persistence;

[Collection(DatabaseCollection.Name)]
public sealed class MigrationsTests(DatabaseFixture fixture)
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public void HasPendingModelChanges_CurrentModel_IsFalse(DatabaseProvider provider)
    {
        using var db = Context(provider, provider == DatabaseProvider.Sqlite ? "Data Source=:memory:" : "Host=127.0.0.1");

        db.Database.HasPendingModelChanges().ShouldBeFalse(
            $"the model has changes the {provider} migrations lack: dotnet run --project tools/DocSync.Migrations -- add <Name> (docs/migrations.md)");
        db.Database.GetMigrations().ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public void HasPendingModelChanges_WithIdentityRegisteredAsTheWebHostWill_IsFalse(DatabaseProvider provider)
    {
        // Identity's options shape its tables; the model the web host builds must match the migrations too.
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<ICompanyContext, CompanyContext>();
        services.AddDbContext<DocSyncDbContext>(o => o.UseDocSyncDatabase(provider, provider == DatabaseProvider.Sqlite ? "Data Source=:memory:" : "Host=127.0.0.1"));
        services.AddIdentityCore<Person>().AddEntityFrameworkStores<DocSyncDbContext>();
        using var provider2 = services.BuildServiceProvider();
        using var scope = provider2.CreateScope();

        scope.ServiceProvider.GetRequiredService<DocSyncDbContext>().Database.HasPendingModelChanges().ShouldBeFalse();
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task MigrateAsync_FreshDatabase_AppliesEveryMigration(DatabaseProvider provider)
    {
        await using var db = Context(provider, await fixture.CreateDatabaseAsync(provider));

        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        (await db.Database.GetAppliedMigrationsAsync()).ShouldBe(db.Database.GetMigrations());
    }

    private static DocSyncDbContext Context(DatabaseProvider provider, string connectionString) =>
        new(new DbContextOptionsBuilder<DocSyncDbContext>().UseDocSyncDatabase(provider, connectionString).Options, new CompanyContext(), TimeProvider.System);
}
