using DocSync.Core.Access;
using DocSync.Core.Demo;
using DocSync.Core.Documents;
using DocSync.Core.Persistence;
using DocSync.Core.Tests.Infrastructure;
using DocSync.Core.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DocSync.Core.Tests.Demo;

[Collection(DatabaseCollection.Name)]
public sealed class DemoSeederTests(DatabaseFixture fixture)
{
    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task SeedAsync_NewOwner_FillsDemoCompanyWithValidDocuments(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        var existing = await host.NewCompanyAsync();
        await using var unit = host.Scope();

        var company = await unit.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(existing.Actor.Id);

        company.IsDemo.ShouldBeTrue();
        await using var check = host.Scope(CompanyScope.System(company.Id));
        var documents = check.ServiceProvider.GetRequiredService<DocumentService>();
        var list = await documents.ListAsync(new DocumentQuery { PageSize = 200 });
        list.TotalCount.ShouldBe(36);
        list.Items.Select(d => d.Type).Distinct().Count().ShouldBeGreaterThanOrEqualTo(4);
        var versions = await check.ServiceProvider.GetRequiredService<DocSyncDbContext>().DocumentVersions.AsNoTracking().ToListAsync();
        versions.ShouldAllBe(v => DocumentValidator.Validate(v.Content).Count == 0);
        versions.Select(v => v.Content.Buyer!.Address!.Country).Concat(versions.Select(v => v.Content.Seller.Address!.Country)).Distinct()
            .ShouldBe(["BE", "FR", "NL"], ignoreOrder: true);
        (await check.ServiceProvider.GetRequiredService<DocSyncDbContext>().OutboxMessages.CountAsync()).ShouldBe(36);
        var files = await check.ServiceProvider.GetRequiredService<DocSyncDbContext>().DocumentFiles.AsNoTracking().ToListAsync();
        files.Count.ShouldBe(36);
        files.ShouldAllBe(f => f.Kind == DocumentFileKind.Pdf && f.Generated && f.Length > 0);
        files.Select(f => f.DocumentId).ShouldBe(list.Items.Select(d => d.Id), ignoreOrder: true);
    }
}
