using DocSync.Core.Companies;
using DocSync.Core.Documents;
using DocSync.Core.Errors;
using DocSync.Core.Organizing;
using DocSync.Core.Persistence;
using DocSync.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DocSync.Core.Tests.Organizing;

[Collection(DatabaseCollection.Name)]
public sealed class BinderServiceTests(DatabaseFixture fixture)
{
    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ListWithCountsAsync_DocumentsFiled_CountsEachBinder(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        await using var unit = host.Scope(await host.NewCompanyAsync());
        var binders = unit.ServiceProvider.GetRequiredService<BinderService>();
        var documents = unit.ServiceProvider.GetRequiredService<DocumentService>();
        var purchases = await binders.CreateAsync("Purchases 2025", "Supplier invoices");
        var sales = await binders.CreateAsync("sales 2025");
        await binders.CreateAsync("Empty");
        foreach (var (number, binder) in new[] { ("P-1", purchases.Id), ("P-2", purchases.Id), ("S-1", sales.Id) })
        {
            await documents.CreateAsync(new CreateDocumentRequest { Content = SampleDocuments.Invoice(number), BinderId = binder });
        }

        await documents.CreateAsync(new CreateDocumentRequest { Content = SampleDocuments.Invoice("LOOSE") });

        var listed = await binders.ListWithCountsAsync();

        listed.Select(b => (b.Name, b.DocumentCount)).ShouldBe([("Empty", 0), ("Purchases 2025", 2), ("sales 2025", 1)]);
        listed[1].ShouldBe(new BinderInfo(purchases.Id, "Purchases 2025", "Supplier invoices", purchases.CreatedAt, 2));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task DeleteAsync_BinderWithDocuments_ThrowsConflictUntilEmptied(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        await using var unit = host.Scope(await host.NewCompanyAsync());
        var binders = unit.ServiceProvider.GetRequiredService<BinderService>();
        var documents = unit.ServiceProvider.GetRequiredService<DocumentService>();
        var binder = await binders.CreateAsync("Purchases");
        var document = (await documents.CreateAsync(new CreateDocumentRequest { Content = SampleDocuments.Invoice(), BinderId = binder.Id })).Document;
        var inbox = unit.ServiceProvider.GetRequiredService<InboxService>();
        var item = (await inbox.ReceiveAsync(InboxSource.Upload, null, "a.pdf", "application/pdf", new MemoryStream(SampleDocuments.Pdf()), binder.Id)).Item;

        (await Should.ThrowAsync<ConflictException>(() => binders.DeleteAsync(binder.Id))).Code.ShouldBe("not-empty");
        await documents.UpdateAsync(document.Id, new UpdateDocumentRequest { Content = SampleDocuments.Invoice(), BinderId = null });
        await binders.DeleteAsync(binder.Id);

        (await binders.ListAsync()).ShouldBeEmpty();
        await Should.ThrowAsync<NotFoundException>(() => binders.GetAsync(binder.Id));
        (await inbox.GetAsync(item.Id)).BinderId.ShouldBeNull();
        var db = unit.ServiceProvider.GetRequiredService<DocSyncDbContext>();
        db.AuditEntries.Where(a => a.EntityType == nameof(Binder)).Select(a => a.Action).ToList().ShouldBe(["Added", "Deleted"], ignoreOrder: true);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task DeleteAsync_MemberWithoutManageBindersOrOtherCompany_IsRefused(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        var a = await host.NewCompanyAsync("A BV", "a@example.be");
        var b = await host.NewCompanyAsync("B BV", "b@example.be");
        Guid aBinder, bBinder;
        await using (var unitA = host.Scope(a))
        {
            aBinder = (await unitA.ServiceProvider.GetRequiredService<BinderService>().CreateAsync("A's")).Id;
        }

        await using (var unitB = host.Scope(b))
        {
            bBinder = (await unitB.ServiceProvider.GetRequiredService<BinderService>().CreateAsync("B's")).Id;
        }

        await using var member = host.Scope(a with { Rights = RoleRights.For(CompanyRole.Member) });
        (await Should.ThrowAsync<AccessDeniedException>(() => member.ServiceProvider.GetRequiredService<BinderService>().DeleteAsync(aBinder)))
            .Right.ShouldBe(Right.ManageBinders);
        (await member.ServiceProvider.GetRequiredService<BinderService>().ListWithCountsAsync()).ShouldHaveSingleItem().Id.ShouldBe(aBinder);
        await using var ownerA = host.Scope(a);
        await Should.ThrowAsync<NotFoundException>(() => ownerA.ServiceProvider.GetRequiredService<BinderService>().DeleteAsync(bBinder));

        await using var checkB = host.Scope(b);
        (await checkB.ServiceProvider.GetRequiredService<BinderService>().GetAsync(bBinder)).Name.ShouldBe("B's");
    }
}
