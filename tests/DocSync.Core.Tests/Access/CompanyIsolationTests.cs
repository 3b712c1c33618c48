using DocSync.Core.Access;
using DocSync.Core.ApiKeys;
using DocSync.Core.Documents;
using DocSync.Core.Errors;
using DocSync.Core.Organizing;
using DocSync.Core.Persistence;
using DocSync.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DocSync.Core.Tests.Access;

/// <summary>Company A acting with B's ids: every read, update and revoke answers "not found" and changes nothing.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class CompanyIsolationTests(DatabaseFixture fixture)
{
    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Services_AnotherCompanysIds_ReadAsNotFoundAndChangeNothing(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        var a = await host.NewCompanyAsync("A BV", "a@example.be");
        var b = await host.NewCompanyAsync("B BV", "b@example.be");
        Guid bDocument, bFile, bBinder, bKey;
        await using (var unitB = host.Scope(b))
        {
            bBinder = (await unitB.ServiceProvider.GetRequiredService<BinderService>().CreateAsync("B's binder")).Id;
            var created = await unitB.ServiceProvider.GetRequiredService<DocumentService>().CreateAsync(new CreateDocumentRequest
            {
                Content = SampleDocuments.Invoice("B-1"),
                BinderId = bBinder,
                IdempotencyKey = "shared-key",
                Files = [new DocumentFileUpload(DocumentFileKind.Pdf, "b.pdf", "application/pdf", new MemoryStream(SampleDocuments.Pdf("b")))],
            });
            (bDocument, bFile) = (created.Document.Id, created.Document.Files[0].Id);
            bKey = (await unitB.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync("B's key", ApiKeyAccess.ReadWrite)).Id;
        }

        await using var unitA = host.Scope(a);
        var documents = unitA.ServiceProvider.GetRequiredService<DocumentService>();
        var binders = unitA.ServiceProvider.GetRequiredService<BinderService>();
        var keys = unitA.ServiceProvider.GetRequiredService<ApiKeyService>();

        await Should.ThrowAsync<NotFoundException>(() => documents.GetAsync(bDocument));
        await Should.ThrowAsync<NotFoundException>(() => documents.GetVersionAsync(bDocument, 1));
        await Should.ThrowAsync<NotFoundException>(() => documents.ListVersionsAsync(bDocument));
        await Should.ThrowAsync<NotFoundException>(() => documents.OpenFileAsync(bDocument, bFile));
        await Should.ThrowAsync<NotFoundException>(() => documents.UpdateAsync(bDocument, new UpdateDocumentRequest { Content = SampleDocuments.Invoice("HIJACK") }));
        (await documents.ListAsync(new DocumentQuery())).TotalCount.ShouldBe(0);
        (await documents.ListAsync(new DocumentQuery { BinderId = bBinder })).TotalCount.ShouldBe(0);
        (await Should.ThrowAsync<ValidationFailedException>(() => documents.CreateAsync(new CreateDocumentRequest { Content = SampleDocuments.Invoice(), BinderId = bBinder })))
            .Errors.ShouldHaveSingleItem().Field.ShouldBe("binderId");
        await Should.ThrowAsync<NotFoundException>(() => binders.GetAsync(bBinder));
        await Should.ThrowAsync<NotFoundException>(() => binders.RenameAsync(bBinder, "mine now"));
        (await binders.ListAsync()).ShouldBeEmpty();
        await Should.ThrowAsync<NotFoundException>(() => keys.RevokeAsync(bKey));
        (await keys.ListAsync()).ShouldBeEmpty();

        // Idempotency keys are per company: A's "shared-key" makes A's own document.
        var aCreated = await documents.CreateAsync(new CreateDocumentRequest { Content = SampleDocuments.Invoice("B-1"), IdempotencyKey = "shared-key" });
        aCreated.Replayed.ShouldBeFalse();
        aCreated.Document.Id.ShouldNotBe(bDocument);

        await using var checkB = host.Scope(b);
        var bView = await checkB.ServiceProvider.GetRequiredService<DocumentService>().GetAsync(bDocument);
        (bView.Version, bView.Content.Number).ShouldBe((1, "B-1"));
        (await checkB.ServiceProvider.GetRequiredService<BinderService>().GetAsync(bBinder)).Name.ShouldBe("B's binder");
        (await checkB.ServiceProvider.GetRequiredService<ApiKeyService>().ListAsync()).ShouldHaveSingleItem().RevokedAt.ShouldBeNull();
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task SaveChangesAsync_RowOfAnotherCompany_ThrowsAndSavesNothing(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        var a = await host.NewCompanyAsync("A BV", "a@example.be");
        var b = await host.NewCompanyAsync("B BV", "b@example.be");
        var bBinder = await host.NewBinderAsync(b, "B's binder");

        await using var unitA = host.Scope(a);
        var db = unitA.ServiceProvider.GetRequiredService<DocSyncDbContext>();

        // A service that forgot the scope and wrote with B's id, or attached B's row, is stopped at save.
        db.Binders.Add(new Binder { Id = Guid.NewGuid(), CompanyId = b.CompanyId, Name = "planted" });
        Should.Throw<CompanyScopeViolationException>(() => db.SaveChangesAsync()).RowCompanyId.ShouldBe(b.CompanyId);
        db.ChangeTracker.Clear();
        db.Binders.Update(new Binder { Id = bBinder, CompanyId = b.CompanyId, Name = "renamed" });
        await Should.ThrowAsync<CompanyScopeViolationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        var own = new Binder { Id = Guid.NewGuid(), Name = "A's binder" };
        db.Binders.Add(own);
        await db.SaveChangesAsync();
        own.CompanyId.ShouldBe(a.CompanyId);
        own.CompanyId = b.CompanyId;
        await Should.ThrowAsync<CompanyScopeViolationException>(() => db.SaveChangesAsync());

        await using var checkB = host.Scope(b);
        (await checkB.ServiceProvider.GetRequiredService<DocSyncDbContext>().Binders.Select(x => x.Name).ToListAsync()).ShouldBe(["B's binder"]);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Queries_NoCompanyEntered_ReturnNothing(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        var a = await host.NewCompanyAsync();
        await using (var unitA = host.Scope(a))
        {
            await unitA.ServiceProvider.GetRequiredService<BinderService>().CreateAsync("A's binder");
        }

        await using var anonymous = host.Scope();
        var db = anonymous.ServiceProvider.GetRequiredService<DocSyncDbContext>();

        (await db.Binders.CountAsync()).ShouldBe(0);
        (await db.Memberships.CountAsync()).ShouldBe(0);
        (await db.AuditEntries.CountAsync()).ShouldBe(0);
        Should.Throw<AccessDeniedException>(() => anonymous.ServiceProvider.GetRequiredService<BinderService>().ListAsync());
    }
}
