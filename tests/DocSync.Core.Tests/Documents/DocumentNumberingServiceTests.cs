using DocSync.Core.Documents;
using DocSync.Core.Errors;
using DocSync.Core.Persistence;
using DocSync.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace DocSync.Core.Tests.Documents;

[Collection(DatabaseCollection.Name)]
public sealed class DocumentNumberingServiceTests(DatabaseFixture fixture)
{
    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CreateAsync_NumberTakenByTheSameType_ConflictNamingNumber(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        await using var unit = host.Scope(await host.NewCompanyAsync());
        var documents = unit.ServiceProvider.GetRequiredService<DocumentService>();
        await documents.CreateAsync(new CreateDocumentRequest { Content = SampleDocuments.Invoice("F2025-0042") });

        var conflict = await Should.ThrowAsync<ConflictException>(() => documents.CreateAsync(new CreateDocumentRequest { Content = SampleDocuments.Invoice("F2025-0042") }));

        (conflict.Field, conflict.Code).ShouldBe(("number", "number-taken"));
        (await unit.ServiceProvider.GetRequiredService<DocSyncDbContext>().Documents.CountAsync()).ShouldBe(1);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CreateAsync_SameNumberOtherTypeOtherCompanyOrDeleted_Accepted(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        var first = await host.NewCompanyAsync();
        var second = await host.NewCompanyAsync("Bakkerij Peeters");
        await using (var unit = host.Scope(first))
        {
            var documents = unit.ServiceProvider.GetRequiredService<DocumentService>();
            var deleted = await documents.CreateAsync(new CreateDocumentRequest { Content = SampleDocuments.Invoice("A-1") });
            await documents.DeleteAsync(deleted.Document.Id);
            await documents.CreateAsync(new CreateDocumentRequest { Content = SampleDocuments.Invoice("A-1") });
            await documents.CreateAsync(new CreateDocumentRequest { Content = SampleDocuments.Invoice("A-1") with { Type = DocumentType.Quote } });
        }

        await using (var unit = host.Scope(second))
        {
            await unit.ServiceProvider.GetRequiredService<DocumentService>().CreateAsync(new CreateDocumentRequest { Content = SampleDocuments.Invoice("A-1") });
        }
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task UpdateAsync_RenumberedOntoAnotherDocument_ConflictAndNothingSaved(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        await using var unit = host.Scope(await host.NewCompanyAsync());
        var documents = unit.ServiceProvider.GetRequiredService<DocumentService>();
        await documents.CreateAsync(new CreateDocumentRequest { Content = SampleDocuments.Invoice("F2025-0001") });
        var second = await documents.CreateAsync(new CreateDocumentRequest { Content = SampleDocuments.Invoice("F2025-0002") });

        var conflict = await Should.ThrowAsync<ConflictException>(() => documents.UpdateAsync(second.Document.Id,
            new UpdateDocumentRequest { Content = SampleDocuments.Invoice("F2025-0001"), Status = DocumentStatus.Final }));

        conflict.Code.ShouldBe("number-taken");
        (await documents.GetAsync(second.Document.Id)).CurrentVersion.ShouldBe(1);
        var edited = await documents.UpdateAsync(second.Document.Id, new UpdateDocumentRequest { Content = SampleDocuments.Invoice("F2025-0002"), Status = DocumentStatus.Final });
        edited.CurrentVersion.ShouldBe(2);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task SuggestNumberAsync_NextFreeNumberOfTheTypeAndYear(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        await using var unit = host.Scope(await host.NewCompanyAsync());
        var documents = unit.ServiceProvider.GetRequiredService<DocumentService>();
        await documents.CreateAsync(new CreateDocumentRequest { Content = SampleDocuments.Invoice("F2025-0041") });
        var last = await documents.CreateAsync(new CreateDocumentRequest { Content = SampleDocuments.Invoice("F2025-0042") });
        await documents.CreateAsync(new CreateDocumentRequest { Content = SampleDocuments.Invoice("F2025-0099") with { Type = DocumentType.CreditNote } });

        (await documents.SuggestNumberAsync(DocumentType.Invoice, 2025)).ShouldBe("F2025-0043");
        (await documents.SuggestNumberAsync(DocumentType.Invoice, 2026)).ShouldBe("F2026-0001");
        (await documents.SuggestNumberAsync(DocumentType.Quote, 2025)).ShouldBe("O2025-0001");
        await documents.DeleteAsync(last.Document.Id);
        (await documents.SuggestNumberAsync(DocumentType.Invoice, 2025)).ShouldBe("F2025-0042");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Migration_DuplicatesMadeBefore_OldestKeepsTheNumberOthersMustRenumber(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        await using var unit = host.Scope(await host.NewCompanyAsync());
        var documents = unit.ServiceProvider.GetRequiredService<DocumentService>();
        var ids = new List<Guid>();
        foreach (var number in new[] { "D-1", "D-2", "D-3", "D-4" })
        {
            ids.Add((await documents.CreateAsync(new CreateDocumentRequest { Content = SampleDocuments.Invoice(number) })).Document.Id);
            host.Time.Advance(TimeSpan.FromMinutes(1));
        }

        await documents.DeleteAsync(ids[3]);
        var db = unit.ServiceProvider.GetRequiredService<DocSyncDbContext>();
        var migrator = db.GetService<IMigrator>();
        var previous = db.Database.GetMigrations().TakeWhile(m => !m.EndsWith("_DocumentNumbersUnique", StringComparison.Ordinal)).Last();
        await migrator.MigrateAsync(previous);
        // As it could be before: every document numbered D-1, the last one deleted.
        await db.Database.ExecuteSqlRawAsync("""UPDATE "Documents" SET "Number" = 'D-1'""");
        await migrator.MigrateAsync();
        db.ChangeTracker.Clear();

        var keys = await db.Documents.AsNoTracking().Select(d => new { d.Id, d.NumberKey }).ToListAsync();
        keys.Single(k => k.Id == ids[0]).NumberKey.ShouldBe("D-1");
        keys.Where(k => k.Id != ids[0]).ShouldAllBe(k => k.NumberKey == null);
        // A grandfathered duplicate can still change status; a new duplicate cannot be made.
        (await documents.UpdateAsync(ids[1], new UpdateDocumentRequest { Content = SampleDocuments.Invoice("D-1"), Status = DocumentStatus.Final })).CurrentVersion.ShouldBe(2);
        await Should.ThrowAsync<ConflictException>(() => documents.CreateAsync(new CreateDocumentRequest { Content = SampleDocuments.Invoice("D-1") }));
    }
}
