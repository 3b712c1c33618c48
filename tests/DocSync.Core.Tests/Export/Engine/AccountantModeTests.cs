using DocSync.Core.Access;
using DocSync.Core.Companies;
using DocSync.Core.Documents;
using DocSync.Core.Errors;
using DocSync.Core.Export;
using DocSync.Core.Persistence;
using DocSync.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DocSync.Core.Tests.Export.Engine;

[Collection(DatabaseCollection.Name)]
public sealed class AccountantModeTests(DatabaseFixture fixture)
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task One_Dropbox_exports_each_company_the_accountant_serves_into_its_own_folder(DatabaseProvider provider)
    {
        await using var h = await ExportHarness.StartAsync(fixture, provider);
        await h.CreateDocumentAsync("A-1");
        await h.CreateProfileAsync();
        var person = h.Owner.Actor.Id;
        Guid second, foreign;
        await using (var unit = h.Host.Scope())
        {
            var companies = unit.ServiceProvider.GetRequiredService<CompanyService>();
            second = (await companies.CreateAsync("Bakkerij Ségolène", "BE", null, person)).Id;
        }
        foreign = (await h.Host.NewCompanyAsync("Someone Else NV", "else@example.be")).CompanyId;
        var secondScope = new CompanyScope(second, Actor.Person(person), RoleRights.For(CompanyRole.Owner));
        await using (var unit = h.Host.Scope(secondScope))
        {
            var content = SampleDocuments.Invoice("B-1");
            await unit.ServiceProvider.GetRequiredService<DocumentService>().CreateAsync(new CreateDocumentRequest { Content = content, Status = DocumentStatus.Final });
        }

        await using (var unit = h.Host.Scope(h.Owner))
        {
            var mode = unit.ServiceProvider.GetRequiredService<AccountantMode>();
            (await mode.CandidatesAsync(person)).Select(c => c.CompanyId).ShouldBe([second]);
            await Should.ThrowAsync<NotFoundException>(() => mode.ShareAsync(person, h.ConnectionId, [foreign]));
            var linked = await mode.ShareAsync(person, h.ConnectionId, [second]);
            linked.Keys.ShouldBe([second]);
        }

        Guid secondConnection;
        await using (var unit = h.Host.Scope(secondScope))
        {
            var db = unit.ServiceProvider.GetRequiredService<DocSyncDbContext>();
            var connection = await db.DropboxConnections.SingleAsync();
            connection.RootFolder.ShouldBe("/DocSync/Bakkerij Ségolène");
            (await db.ExportProfiles.SingleAsync()).PathTemplate.ShouldBe("{year}/{type}/{number} {counterparty}");
            secondConnection = connection.Id;
            await unit.ServiceProvider.GetRequiredService<SyncQueue>().DispatchOutboxAsync();
        }

        await h.RunUntilIdleAsync();
        while ((await h.RunOnceAsync(second, secondConnection)).Tasks > 0)
        {
        }

        h.ServerFiles().Keys.Order().ShouldBe([
            "/docsync/2025/invoices/a-1 librairie dupont sarl.pdf",
            "/docsync/2025/invoices/a-1 librairie dupont sarl.xml",
            "/docsync/bakkerij ségolène/2025/invoices/b-1 librairie dupont sarl.pdf",
            "/docsync/bakkerij ségolène/2025/invoices/b-1 librairie dupont sarl.xml",
        ]);
    }
}
