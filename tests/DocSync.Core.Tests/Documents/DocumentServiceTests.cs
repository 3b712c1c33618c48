using DocSync.Core.Auditing;
using DocSync.Core.Companies;
using DocSync.Core.Documents;
using DocSync.Core.Errors;
using DocSync.Core.Outbox;
using DocSync.Core.Persistence;
using DocSync.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DocSync.Core.Tests.Documents;

[Collection(DatabaseCollection.Name)]
public sealed class DocumentServiceTests(DatabaseFixture fixture)
{
    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CreateAsync_ValidInvoice_StoresVersionOneWithOutboxAndAudit(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        var scope = await host.NewCompanyAsync();
        await using var unit = host.Scope(scope);

        var result = await unit.ServiceProvider.GetRequiredService<DocumentService>().CreateAsync(new CreateDocumentRequest
        {
            Content = SampleDocuments.Invoice(),
            Files = [new DocumentFileUpload(DocumentFileKind.Pdf, "F2025-0001.pdf", "application/pdf", new MemoryStream(SampleDocuments.Pdf()))],
        });

        result.Replayed.ShouldBeFalse();
        result.Document.Version.ShouldBe(1);
        System.Text.Json.JsonSerializer.Serialize(result.Document.Content).ShouldBe(System.Text.Json.JsonSerializer.Serialize(SampleDocuments.Invoice()));
        result.Document.Files.ShouldHaveSingleItem().FileName.ShouldBe("F2025-0001.pdf");
        var db = unit.ServiceProvider.GetRequiredService<DocSyncDbContext>();
        var outbox = await db.OutboxMessages.SingleAsync();
        (outbox.Topic, outbox.EntityId, outbox.Version, outbox.CompanyId).ShouldBe((OutboxTopics.DocumentVersionCreated, result.Document.Id, 1, scope.CompanyId));
        var audit = await db.AuditEntries.Where(a => a.EntityType != "Company" && a.EntityType != "Membership").ToListAsync();
        audit.Select(a => a.EntityType).ShouldBe(["Document", "DocumentVersion", "DocumentFile"], ignoreOrder: true);
        audit.ShouldAllBe(a => a.ActorId == scope.Actor.Id && a.Action == "Added" && a.OccurredAt == host.Time.GetUtcNow());
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CreateAsync_TotalsOffByOneCent_ThrowsNamingFieldAndWritesNothing(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        await using var unit = host.Scope(await host.NewCompanyAsync());
        var invoice = SampleDocuments.Invoice();

        var error = await Should.ThrowAsync<ValidationFailedException>(() => unit.ServiceProvider.GetRequiredService<DocumentService>().CreateAsync(
            new CreateDocumentRequest { Content = invoice with { Totals = invoice.Totals with { TotalExclVat = invoice.Totals.TotalExclVat - 0.01m } } }));

        error.Errors.ShouldContain(e => e.Field == "totals.totalExclVat");
        var db = unit.ServiceProvider.GetRequiredService<DocSyncDbContext>();
        (await db.Documents.CountAsync()).ShouldBe(0);
        (await db.OutboxMessages.CountAsync()).ShouldBe(0);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task UpdateAsync_NewContentAndFiles_KeepsEveryOldVersionIntact(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        await using var unit = host.Scope(await host.NewCompanyAsync());
        var documents = unit.ServiceProvider.GetRequiredService<DocumentService>();
        var created = (await documents.CreateAsync(new CreateDocumentRequest
        {
            Content = SampleDocuments.Invoice(),
            Files = [new DocumentFileUpload(DocumentFileKind.Pdf, "v1.pdf", "application/pdf", new MemoryStream(SampleDocuments.Pdf("v1")))],
        })).Document;
        host.Time.Advance(TimeSpan.FromMinutes(5));

        var updated = await documents.UpdateAsync(created.Id, new UpdateDocumentRequest
        {
            Content = SampleDocuments.Invoice("F2025-0001-B"),
            Status = DocumentStatus.Sent,
            RemoveFileIds = [created.Files[0].Id],
            AddFiles = [new DocumentFileUpload(DocumentFileKind.Pdf, "v2.pdf", "application/pdf", new MemoryStream(SampleDocuments.Pdf("v2")))],
            ExpectedVersion = 1,
        });

        updated.Version.ShouldBe(2);
        updated.Files.ShouldHaveSingleItem().FileName.ShouldBe("v2.pdf");
        var first = await documents.GetVersionAsync(created.Id, 1);
        first.Content.Number.ShouldBe("F2025-0001");
        first.Status.ShouldBe(DocumentStatus.Draft);
        first.Files.ShouldHaveSingleItem().FileName.ShouldBe("v1.pdf");
        (await documents.ListVersionsAsync(created.Id)).Select(v => v.Number).ShouldBe([1, 2]);
        var db = unit.ServiceProvider.GetRequiredService<DocSyncDbContext>();
        (await db.OutboxMessages.OrderBy(m => m.Id).Select(m => m.Version).ToListAsync()).ShouldBe([1, 2]);
        (await documents.ListAsync(new DocumentQuery())).Items.ShouldHaveSingleItem().Number.ShouldBe("F2025-0001-B");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task UpdateAsync_NothingChanged_MakesNoVersion(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        await using var unit = host.Scope(await host.NewCompanyAsync());
        var documents = unit.ServiceProvider.GetRequiredService<DocumentService>();
        var created = (await documents.CreateAsync(new CreateDocumentRequest { Content = SampleDocuments.Invoice() })).Document;

        var same = await documents.UpdateAsync(created.Id, new UpdateDocumentRequest { Content = SampleDocuments.Invoice() });

        same.Version.ShouldBe(1);
        (await unit.ServiceProvider.GetRequiredService<DocSyncDbContext>().DocumentVersions.CountAsync()).ShouldBe(1);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task UpdateAsync_StaleExpectedVersion_ThrowsConflict(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        await using var unit = host.Scope(await host.NewCompanyAsync());
        var documents = unit.ServiceProvider.GetRequiredService<DocumentService>();
        var created = (await documents.CreateAsync(new CreateDocumentRequest { Content = SampleDocuments.Invoice() })).Document;
        await documents.UpdateAsync(created.Id, new UpdateDocumentRequest { Content = SampleDocuments.Invoice("B"), ExpectedVersion = 1 });

        var conflict = await Should.ThrowAsync<ConflictException>(() =>
            documents.UpdateAsync(created.Id, new UpdateDocumentRequest { Content = SampleDocuments.Invoice("C"), ExpectedVersion = 1 }));

        conflict.Field.ShouldBe("expectedVersion");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task UpdateAsync_ConcurrentUpdateWonTheRace_ThrowsConflictAndKeepsWinner(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        var scope = await host.NewCompanyAsync();
        Guid id;
        await using (var setup = host.Scope(scope))
        {
            id = (await setup.ServiceProvider.GetRequiredService<DocumentService>().CreateAsync(new CreateDocumentRequest { Content = SampleDocuments.Invoice() })).Document.Id;
        }

        await using var loser = host.Scope(scope);
        var loserDb = loser.ServiceProvider.GetRequiredService<DocSyncDbContext>();
        var stale = await loserDb.Documents.SingleAsync(d => d.Id == id);
        await using (var winner = host.Scope(scope))
        {
            await winner.ServiceProvider.GetRequiredService<DocumentService>().UpdateAsync(id, new UpdateDocumentRequest { Content = SampleDocuments.Invoice("WIN") });
        }

        // The loser's context still tracks version 1, as if it had read just before the winner saved.
        stale.CurrentVersion.ShouldBe(1);
        await Should.ThrowAsync<ConflictException>(() =>
            loser.ServiceProvider.GetRequiredService<DocumentService>().UpdateAsync(id, new UpdateDocumentRequest { Content = SampleDocuments.Invoice("LOSE") }));

        await using var check = host.Scope(scope);
        (await check.ServiceProvider.GetRequiredService<DocumentService>().GetAsync(id)).Content.Number.ShouldBe("WIN");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CreateAsync_SameIdempotencyKeyAndPayload_ReturnsFirstResult(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        await using var unit = host.Scope(await host.NewCompanyAsync());
        var documents = unit.ServiceProvider.GetRequiredService<DocumentService>();
        CreateDocumentRequest Request() => new()
        {
            Content = SampleDocuments.Invoice(),
            IdempotencyKey = "order-42",
            Files = [new DocumentFileUpload(DocumentFileKind.Pdf, "a.pdf", "application/pdf", new MemoryStream(SampleDocuments.Pdf()))],
        };

        var first = await documents.CreateAsync(Request());
        await documents.UpdateAsync(first.Document.Id, new UpdateDocumentRequest { Content = SampleDocuments.Invoice("LATER") });
        var again = await documents.CreateAsync(Request());

        again.Replayed.ShouldBeTrue();
        again.Document.Id.ShouldBe(first.Document.Id);
        again.Document.Version.ShouldBe(1);
        again.Document.Content.Number.ShouldBe("F2025-0001");
        (await unit.ServiceProvider.GetRequiredService<DocSyncDbContext>().Documents.CountAsync()).ShouldBe(1);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CreateAsync_SameIdempotencyKeyOtherPayload_ThrowsConflict(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        await using var unit = host.Scope(await host.NewCompanyAsync());
        var documents = unit.ServiceProvider.GetRequiredService<DocumentService>();
        await documents.CreateAsync(new CreateDocumentRequest { Content = SampleDocuments.Invoice(), IdempotencyKey = "order-42" });

        var conflict = await Should.ThrowAsync<ConflictException>(() =>
            documents.CreateAsync(new CreateDocumentRequest { Content = SampleDocuments.Invoice("OTHER"), IdempotencyKey = "order-42" }));

        (conflict.Field, conflict.Code).ShouldBe(("idempotencyKey", "idempotency-key-reused"));
        (await unit.ServiceProvider.GetRequiredService<DocSyncDbContext>().Documents.CountAsync()).ShouldBe(1);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CreateAsync_SameKeyRacingInTwoRequests_MakesOneDocument(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        var scope = await host.NewCompanyAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var unit = host.Scope(scope);
            return await unit.ServiceProvider.GetRequiredService<DocumentService>()
                .CreateAsync(new CreateDocumentRequest { Content = SampleDocuments.Invoice(), IdempotencyKey = "race" });
        }));

        results.Select(r => r.Document.Id).Distinct().ShouldHaveSingleItem();
        results.Count(r => !r.Replayed).ShouldBe(1);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task SaveChangesAsync_FailsAfterOutboxInsert_LeavesNeitherDocumentNorOutbox(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider,
            configure: s => s.ConfigureDbContext<DocSyncDbContext>(o => o.AddInterceptors(new FailAfterOutboxInsert())));
        var scope = await host.NewCompanyAsync();
        await using var unit = host.Scope(scope);

        var failure = await Should.ThrowAsync<DbUpdateException>(() => unit.ServiceProvider.GetRequiredService<DocumentService>()
            .CreateAsync(new CreateDocumentRequest { Content = SampleDocuments.Invoice() }));

        failure.InnerException.ShouldBeOfType<InvalidOperationException>().Message.ShouldStartWith("Simulated failure");
        await using var check = host.Scope(scope);
        var db = check.ServiceProvider.GetRequiredService<DocSyncDbContext>();
        (await db.OutboxMessages.CountAsync()).ShouldBe(0);
        (await db.Documents.CountAsync()).ShouldBe(0);
        (await db.DocumentVersions.CountAsync()).ShouldBe(0);
        (await db.AuditEntries.CountAsync(a => a.EntityType == nameof(Document))).ShouldBe(0);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CreateAsync_PdfKindWithOtherBytesOrHostileName_ThrowsNamingFiles(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        await using var unit = host.Scope(await host.NewCompanyAsync());
        var documents = unit.ServiceProvider.GetRequiredService<DocumentService>();

        var notPdf = await Should.ThrowAsync<ValidationFailedException>(() => documents.CreateAsync(new CreateDocumentRequest
        {
            Content = SampleDocuments.Invoice(),
            Files = [new DocumentFileUpload(DocumentFileKind.Pdf, "x.pdf", "application/pdf", new MemoryStream("MZ\x90\0"u8.ToArray()))],
        }));
        var hostile = await Should.ThrowAsync<ValidationFailedException>(() => documents.CreateAsync(new CreateDocumentRequest
        {
            Content = SampleDocuments.Invoice(),
            Files =
            [
                new DocumentFileUpload(DocumentFileKind.Attachment, "../../etc/passwd", "text/plain", new MemoryStream([1])),
                new DocumentFileUpload(DocumentFileKind.Attachment, "empty.txt", "text/plain", new MemoryStream()),
            ],
        }));

        notPdf.Errors.ShouldHaveSingleItem().ShouldBe(notPdf.Errors[0] with { Field = "files[0].content", Code = "content-mismatch" });
        hostile.Errors.ShouldHaveSingleItem().Field.ShouldBe("files[0].fileName");
        (await unit.ServiceProvider.GetRequiredService<DocSyncDbContext>().Documents.CountAsync()).ShouldBe(0);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ListAsync_FiltersAndPages_ReturnsNewestFirst(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        await using var unit = host.Scope(await host.NewCompanyAsync());
        var documents = unit.ServiceProvider.GetRequiredService<DocumentService>();
        for (var i = 1; i <= 7; i++)
        {
            var content = SampleDocuments.Invoice($"F-{i}") with { IssueDate = new DateOnly(2025, 5, i), DueDate = null };
            await documents.CreateAsync(new CreateDocumentRequest
            {
                Content = i % 2 == 0 ? content with { Type = DocumentType.CreditNote } : content,
                Status = i <= 3 ? DocumentStatus.Paid : DocumentStatus.Draft,
            });
        }

        var page2 = await documents.ListAsync(new DocumentQuery { Page = 2, PageSize = 3 });
        var paidInvoices = await documents.ListAsync(new DocumentQuery { Type = DocumentType.Invoice, Status = DocumentStatus.Paid });
        var search = await documents.ListAsync(new DocumentQuery { Search = "f-5" });
        var range = await documents.ListAsync(new DocumentQuery { IssuedFrom = new DateOnly(2025, 5, 2), IssuedTo = new DateOnly(2025, 5, 3) });
        var buyer = await documents.ListAsync(new DocumentQuery { Search = "DUPONT" });

        page2.TotalCount.ShouldBe(7);
        page2.Items.Select(d => d.Number).ShouldBe(["F-4", "F-3", "F-2"]);
        paidInvoices.Items.Select(d => d.Number).ShouldBe(["F-3", "F-1"]);
        search.Items.ShouldHaveSingleItem().Number.ShouldBe("F-5");
        range.Items.Select(d => d.Number).ShouldBe(["F-3", "F-2"]);
        buyer.TotalCount.ShouldBe(7);
        await Should.ThrowAsync<ValidationFailedException>(() => documents.ListAsync(new DocumentQuery { PageSize = 201 }));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CreateAsync_WithoutEditRight_ThrowsAccessDenied(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        var owner = await host.NewCompanyAsync();
        await using var unit = host.Scope(owner with { Rights = RoleRights.For(CompanyRole.External) });

        var denied = await Should.ThrowAsync<AccessDeniedException>(() => unit.ServiceProvider.GetRequiredService<DocumentService>()
            .CreateAsync(new CreateDocumentRequest { Content = SampleDocuments.Invoice() }));

        denied.Right.ShouldBe(Right.EditDocuments);
    }
}
