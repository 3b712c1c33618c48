using DocSync.Core.Access;
using DocSync.Core.Companies;
using DocSync.Core.Documents;
using DocSync.Core.Errors;
using DocSync.Core.Organizing;
using DocSync.Core.Persistence;
using DocSync.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DocSync.Core.Tests.Organizing;

[Collection(DatabaseCollection.Name)]
public sealed class InboxServiceTests(DatabaseFixture fixture)
{
    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ReceiveAsync_NewFile_StoresBytesAndPendingItem(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        var owner = await host.NewCompanyAsync();
        await using var unit = host.Scope(owner);
        var inbox = unit.ServiceProvider.GetRequiredService<InboxService>();

        var receipt = await ReceiveAsync(inbox, "id:abc", "Facture Électricité.pdf", SampleDocuments.Pdf("scan"));

        receipt.Replayed.ShouldBeFalse();
        var item = receipt.Item;
        (item.Status, item.Source, item.SourceRef, item.FileName, item.Length, item.ReceivedAt)
            .ShouldBe((InboxItemStatus.Pending, InboxSource.Collect, "id:abc", "Facture Électricité.pdf", SampleDocuments.Pdf("scan").Length, host.Time.GetUtcNow()));
        var (info, content) = await inbox.OpenContentAsync(item.Id);
        await using (content)
        {
            info.ShouldBe(item);
            (await ReadAllAsync(content)).ShouldBe(SampleDocuments.Pdf("scan"));
        }

        var audit = await unit.ServiceProvider.GetRequiredService<DocSyncDbContext>().AuditEntries.Where(a => a.EntityType == nameof(InboxItem)).ToListAsync();
        audit.ShouldHaveSingleItem().ActorId.ShouldBe(owner.Actor.Id);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ReceiveAsync_SameSourceRefTwice_ReturnsFirstItemWithoutSecondRow(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        await using var unit = host.Scope(await host.NewCompanyAsync());
        var inbox = unit.ServiceProvider.GetRequiredService<InboxService>();
        var first = await ReceiveAsync(inbox, "id:same", "a.pdf", SampleDocuments.Pdf("a"));
        host.Time.Advance(TimeSpan.FromMinutes(1));

        // The file was renamed and changed at the source: still the same source identity.
        var again = await ReceiveAsync(inbox, "id:same", "renamed.pdf", SampleDocuments.Pdf("b"));
        var otherSource = await inbox.ReceiveAsync(InboxSource.Api, "id:same", "a.pdf", "application/pdf", new MemoryStream(SampleDocuments.Pdf("a")));
        var noRef1 = await ReceiveAsync(inbox, null, "upload.pdf", SampleDocuments.Pdf("u"));
        var noRef2 = await ReceiveAsync(inbox, null, "upload.pdf", SampleDocuments.Pdf("u"));

        again.Replayed.ShouldBeTrue();
        again.Item.ShouldBe(first.Item);
        otherSource.Replayed.ShouldBeFalse();
        (noRef1.Replayed, noRef2.Replayed).ShouldBe((false, false));
        noRef2.Item.Id.ShouldNotBe(noRef1.Item.Id);
        (await inbox.ListAsync(new InboxQuery())).TotalCount.ShouldBe(4);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ReceiveAsync_FourConcurrentReceivesOfOneSourceRef_StoreExactlyOneItem(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        var owner = await host.NewCompanyAsync();
        const int racers = 4;
        var arrived = 0;
        var allArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Each racer's stream is first read after its duplicate check: holding every read until all
        // four arrive makes every racer miss the others and meet at the unique index.
        Task Gate()
        {
            if (Interlocked.Increment(ref arrived) == racers)
            {
                allArrived.SetResult();
            }

            return allArrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }

        var receipts = await Task.WhenAll(Enumerable.Range(0, racers).Select(i => Task.Run(async () =>
        {
            await using var unit = host.Scope(owner);
            return await unit.ServiceProvider.GetRequiredService<InboxService>().ReceiveAsync(
                InboxSource.Collect, "id:raced", $"copy-{i}.pdf", "application/pdf", new GateStream(SampleDocuments.Pdf($"copy {i}"), Gate));
        })));

        receipts.Select(r => r.Item.Id).Distinct().ShouldHaveSingleItem();
        receipts.Count(r => !r.Replayed).ShouldBe(1);
        await using var check = host.Scope(owner);
        var db = check.ServiceProvider.GetRequiredService<DocSyncDbContext>();
        (await db.InboxItems.CountAsync()).ShouldBe(1);
        (await db.AuditEntries.CountAsync(a => a.EntityType == nameof(InboxItem))).ShouldBe(1);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ReceiveAsync_HostileInput_ThrowsNamingFieldAndStoresNothing(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        await using var unit = host.Scope(await host.NewCompanyAsync());
        var inbox = unit.ServiceProvider.GetRequiredService<InboxService>();
        string[] names = ["", "   ", "../../etc/passwd", "a/b.pdf", "a\\b.pdf", "bad\u0000name.pdf", "new\nline.pdf", ".", "..",
            new string('x', 256), "lone\ud800surrogate.pdf", " leading.pdf", "trailing.pdf "];

        foreach (var name in names)
        {
            var error = await Should.ThrowAsync<ValidationFailedException>(() => ReceiveAsync(inbox, null, name, SampleDocuments.Pdf()));
            error.Errors.ShouldHaveSingleItem().Field.ShouldBe("fileName", $"name {name}");
        }

        (await Should.ThrowAsync<ValidationFailedException>(() => ReceiveAsync(inbox, null, "empty.pdf", [])))
            .Errors.ShouldHaveSingleItem().ShouldSatisfyAllConditions(e => e.Field.ShouldBe("content"), e => e.Code.ShouldBe("empty"));
        (await Should.ThrowAsync<ValidationFailedException>(() => inbox.ReceiveAsync(InboxSource.Upload, null, "a.pdf", "not a type", new MemoryStream([1]))))
            .Errors.ShouldHaveSingleItem().Field.ShouldBe("contentType");
        (await Should.ThrowAsync<ValidationFailedException>(() => ReceiveAsync(inbox, new string('r', 201), "a.pdf", [1])))
            .Errors.ShouldHaveSingleItem().Field.ShouldBe("sourceRef");
        (await Should.ThrowAsync<ValidationFailedException>(() => ReceiveAsync(inbox, null, "ok.pdf", [1], binderId: Guid.NewGuid())))
            .Errors.ShouldHaveSingleItem().Field.ShouldBe("binderId");
        (await ReceiveAsync(inbox, null, new string('x', 255), [1])).Item.FileName.Length.ShouldBe(255);
        (await inbox.ListAsync(new InboxQuery())).TotalCount.ShouldBe(1);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Changes_MemberWithoutProcessInbox_ThrowAccessDenied(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        var owner = await host.NewCompanyAsync();
        Guid itemId;
        await using (var unit = host.Scope(owner))
        {
            itemId = (await ReceiveAsync(unit.ServiceProvider.GetRequiredService<InboxService>(), null, "a.pdf", SampleDocuments.Pdf())).Item.Id;
        }

        await using var external = host.Scope(owner with { Rights = RoleRights.For(CompanyRole.External) });
        var inbox = external.ServiceProvider.GetRequiredService<InboxService>();

        (await Should.ThrowAsync<AccessDeniedException>(() => ReceiveAsync(inbox, null, "b.pdf", SampleDocuments.Pdf()))).Right.ShouldBe(Right.ProcessInbox);
        (await Should.ThrowAsync<AccessDeniedException>(() => inbox.AssignAsync(itemId, null, null))).Right.ShouldBe(Right.ProcessInbox);
        (await Should.ThrowAsync<AccessDeniedException>(() => inbox.ConvertAsync(itemId, SampleDocuments.Invoice()))).Right.ShouldBe(Right.ProcessInbox);
        (await Should.ThrowAsync<AccessDeniedException>(() => inbox.RejectAsync(itemId, "no"))).Right.ShouldBe(Right.ProcessInbox);
        (await inbox.GetAsync(itemId)).Status.ShouldBe(InboxItemStatus.Pending);
        (await inbox.ListAsync(new InboxQuery())).TotalCount.ShouldBe(1);

        await using var nobody = host.Scope(owner with { Rights = new HashSet<Right>() });
        (await Should.ThrowAsync<AccessDeniedException>(() => nobody.ServiceProvider.GetRequiredService<InboxService>().ListAsync(new InboxQuery())))
            .Right.ShouldBe(Right.ViewDocuments);

        // DocSync itself collecting needs no right of a person.
        await using var system = host.Scope(new CompanyScope(owner.CompanyId, Actor.System, new HashSet<Right>()));
        (await ReceiveAsync(system.ServiceProvider.GetRequiredService<InboxService>(), "id:collected", "c.pdf", SampleDocuments.Pdf())).Replayed.ShouldBeFalse();
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ConvertAsync_PdfAndOtherFile_MakeDocumentsWithTheFileAndMarkProcessed(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        await using var unit = host.Scope(await host.NewCompanyAsync());
        var binder = await unit.ServiceProvider.GetRequiredService<BinderService>().CreateAsync("Purchases 2025");
        var inbox = unit.ServiceProvider.GetRequiredService<InboxService>();
        var pdf = (await ReceiveAsync(inbox, null, "invoice.pdf", SampleDocuments.Pdf("in"), binderId: binder.Id)).Item;
        var photo = (await inbox.ReceiveAsync(InboxSource.Upload, null, "receipt.jpg", "image/jpeg", new MemoryStream([0xFF, 0xD8, 0xFF, 0xE0]))).Item;

        var fromPdf = await inbox.ConvertAsync(pdf.Id, SampleDocuments.Invoice("IN-1"), DocumentStatus.Final);
        var fromPhoto = await inbox.ConvertAsync(photo.Id, SampleDocuments.Invoice("IN-2"));

        (fromPdf.Status, fromPdf.BinderId, fromPdf.Content.Number).ShouldBe((DocumentStatus.Final, (Guid?)binder.Id, "IN-1"));
        var pdfFile = fromPdf.Files.ShouldHaveSingleItem();
        (pdfFile.Kind, pdfFile.FileName, pdfFile.Sha256).ShouldBe((DocumentFileKind.Pdf, "invoice.pdf", pdf.Sha256));
        var photoFile = fromPhoto.Files.Single(f => f.Sha256 == photo.Sha256);
        (photoFile.Kind, photoFile.FileName, photoFile.ContentType).ShouldBe((DocumentFileKind.Attachment, "receipt.jpg", "image/jpeg"));
        var processed = await inbox.GetAsync(pdf.Id);
        (processed.Status, processed.DocumentId).ShouldBe((InboxItemStatus.Processed, (Guid?)fromPdf.Id));
        (await inbox.ListAsync(new InboxQuery { Status = InboxItemStatus.Processed })).TotalCount.ShouldBe(2);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ConvertAsync_FileRefusedAsDocumentFile_ThrowsNamingItemAndKeepsItPending(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        await using var unit = host.Scope(await host.NewCompanyAsync());
        var inbox = unit.ServiceProvider.GetRequiredService<InboxService>();
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
        var item = (await inbox.ReceiveAsync(InboxSource.Upload, null, "scan.pdf", "application/pdf", new MemoryStream(png))).Item;

        var error = await Should.ThrowAsync<ValidationFailedException>(() => inbox.ConvertAsync(item.Id, SampleDocuments.Invoice()));

        error.Errors.ShouldHaveSingleItem().ShouldSatisfyAllConditions(e => e.Field.ShouldBe("id"), e => e.Code.ShouldBe("content-mismatch"));
        (await inbox.GetAsync(item.Id)).Status.ShouldBe(InboxItemStatus.Pending);
        (await unit.ServiceProvider.GetRequiredService<DocSyncDbContext>().Documents.CountAsync()).ShouldBe(0);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ConvertAsync_Twice_ThrowsConflictAndKeepsOneDocument(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        await using var unit = host.Scope(await host.NewCompanyAsync());
        var inbox = unit.ServiceProvider.GetRequiredService<InboxService>();
        var item = (await ReceiveAsync(inbox, null, "a.pdf", SampleDocuments.Pdf())).Item;
        var document = await inbox.ConvertAsync(item.Id, SampleDocuments.Invoice());

        var conflict = await Should.ThrowAsync<ConflictException>(() => inbox.ConvertAsync(item.Id, SampleDocuments.Invoice("OTHER")));

        conflict.Code.ShouldBe("not-pending");
        (await Should.ThrowAsync<ConflictException>(() => inbox.RejectAsync(item.Id))).Code.ShouldBe("not-pending");
        (await Should.ThrowAsync<ConflictException>(() => inbox.AssignAsync(item.Id, null, null))).Code.ShouldBe("not-pending");
        var db = unit.ServiceProvider.GetRequiredService<DocSyncDbContext>();
        (await db.Documents.SingleAsync()).Id.ShouldBe(document.Id);
        (await inbox.GetAsync(item.Id)).DocumentId.ShouldBe(document.Id);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ConvertAsync_ThreeConcurrentConversions_MakeOneDocument(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        var owner = await host.NewCompanyAsync();
        Guid itemId;
        await using (var unit = host.Scope(owner))
        {
            itemId = (await ReceiveAsync(unit.ServiceProvider.GetRequiredService<InboxService>(), null, "a.pdf", SampleDocuments.Pdf())).Item.Id;
        }

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => Task.Run(async () =>
        {
            await using var unit = host.Scope(owner);
            try
            {
                return (Guid?)(await unit.ServiceProvider.GetRequiredService<InboxService>().ConvertAsync(itemId, SampleDocuments.Invoice($"RACE-{i % 2}"))).Id;
            }
            catch (ConflictException)
            {
                return null;
            }
        })));

        await using var check = host.Scope(owner);
        var document = await check.ServiceProvider.GetRequiredService<DocSyncDbContext>().Documents.SingleAsync();
        var item = await check.ServiceProvider.GetRequiredService<InboxService>().GetAsync(itemId);
        (item.Status, item.DocumentId).ShouldBe((InboxItemStatus.Processed, (Guid?)document.Id));
        outcomes.ShouldContain(document.Id);
        outcomes.Where(o => o is not null).ShouldAllBe(o => o == document.Id);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task RejectAsync_PendingItem_MarksRejectedAndRefusesConversion(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        await using var unit = host.Scope(await host.NewCompanyAsync());
        var inbox = unit.ServiceProvider.GetRequiredService<InboxService>();
        var item = (await ReceiveAsync(inbox, null, "spam.pdf", SampleDocuments.Pdf())).Item;

        var rejected = await inbox.RejectAsync(item.Id, "Not an invoice");

        rejected.Status.ShouldBe(InboxItemStatus.Rejected);
        (await Should.ThrowAsync<ConflictException>(() => inbox.ConvertAsync(item.Id, SampleDocuments.Invoice()))).Code.ShouldBe("not-pending");
        (await Should.ThrowAsync<ValidationFailedException>(() => inbox.RejectAsync(item.Id, new string('r', 1001)))).Errors[0].Field.ShouldBe("reason");
        (await unit.ServiceProvider.GetRequiredService<DocSyncDbContext>().Documents.CountAsync()).ShouldBe(0);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AssignAsync_MemberAndBinder_SetsThemAndRefusesStrangers(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        var a = await host.NewCompanyAsync("A BV", "a@example.be");
        var b = await host.NewCompanyAsync("B BV", "b@example.be");
        var bBinder = await host.NewBinderAsync(b, "B's binder");

        var els = new { PersonId = await host.AddMemberAsync(a, "els@example.be", "Els Peeters", CompanyRole.Accountant) };
        await using var unit = host.Scope(a);
        var binder = await unit.ServiceProvider.GetRequiredService<BinderService>().CreateAsync("Purchases");
        var inbox = unit.ServiceProvider.GetRequiredService<InboxService>();
        var item = (await ReceiveAsync(inbox, null, "a.pdf", SampleDocuments.Pdf())).Item;

        var assigned = await inbox.AssignAsync(item.Id, els.PersonId, binder.Id);

        (assigned.AssigneeId, assigned.BinderId).ShouldBe(((Guid?)els.PersonId, (Guid?)binder.Id));
        (await inbox.ListAsync(new InboxQuery { AssigneeId = els.PersonId, BinderId = binder.Id })).Items.ShouldHaveSingleItem().Id.ShouldBe(item.Id);
        var refused = await Should.ThrowAsync<ValidationFailedException>(() => inbox.AssignAsync(item.Id, b.Actor.Id, bBinder));
        refused.Errors.Select(e => e.Field).ShouldBe(["binderId", "assigneeId"], ignoreOrder: true);
        var cleared = await inbox.AssignAsync(item.Id, null, null);
        (cleared.AssigneeId, cleared.BinderId).ShouldBe((null, null));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Services_AnotherCompanysItem_ReadAsNotFoundAndChangeNothing(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        var a = await host.NewCompanyAsync("A BV", "a@example.be");
        var b = await host.NewCompanyAsync("B BV", "b@example.be");
        InboxItemInfo bItem;
        await using (var unitB = host.Scope(b))
        {
            bItem = (await ReceiveAsync(unitB.ServiceProvider.GetRequiredService<InboxService>(), "id:shared", "b.pdf", SampleDocuments.Pdf("b"))).Item;
        }

        await using var unitA = host.Scope(a);
        var inbox = unitA.ServiceProvider.GetRequiredService<InboxService>();

        await Should.ThrowAsync<NotFoundException>(() => inbox.GetAsync(bItem.Id));
        await Should.ThrowAsync<NotFoundException>(() => inbox.OpenContentAsync(bItem.Id));
        await Should.ThrowAsync<NotFoundException>(() => inbox.AssignAsync(bItem.Id, null, null));
        await Should.ThrowAsync<NotFoundException>(() => inbox.ConvertAsync(bItem.Id, SampleDocuments.Invoice()));
        await Should.ThrowAsync<NotFoundException>(() => inbox.RejectAsync(bItem.Id));
        (await inbox.ListAsync(new InboxQuery())).TotalCount.ShouldBe(0);

        // Source identities are per company: A receiving B's source ref makes A's own item.
        var mine = await ReceiveAsync(inbox, "id:shared", "a.pdf", SampleDocuments.Pdf("a"));
        mine.Replayed.ShouldBeFalse();
        mine.Item.Id.ShouldNotBe(bItem.Id);

        await using var checkB = host.Scope(b);
        (await checkB.ServiceProvider.GetRequiredService<InboxService>().GetAsync(bItem.Id)).ShouldBe(bItem);
        (await checkB.ServiceProvider.GetRequiredService<DocSyncDbContext>().Documents.CountAsync()).ShouldBe(0);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ListAsync_Pages_NewestFirst(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        await using var unit = host.Scope(await host.NewCompanyAsync());
        var inbox = unit.ServiceProvider.GetRequiredService<InboxService>();
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await ReceiveAsync(inbox, $"id:{i}", $"scan-{i}.pdf", SampleDocuments.Pdf($"{i}"))).Item.Id);
            host.Time.Advance(TimeSpan.FromMinutes(1));
        }

        await inbox.RejectAsync(ids[1]);

        var first = await inbox.ListAsync(new InboxQuery { PageSize = 2 });
        var last = await inbox.ListAsync(new InboxQuery { PageSize = 2, Page = 3 });
        var pending = await inbox.ListAsync(new InboxQuery { Status = InboxItemStatus.Pending, PageSize = 200 });

        (first.TotalCount, first.Page, first.PageSize).ShouldBe((5, 1, 2));
        first.Items.Select(i => i.Id).ShouldBe([ids[4], ids[3]]);
        last.Items.Select(i => i.Id).ShouldBe([ids[0]]);
        pending.Items.Select(i => i.Id).ShouldBe([ids[4], ids[3], ids[2], ids[0]]);
        (await Should.ThrowAsync<ValidationFailedException>(() => inbox.ListAsync(new InboxQuery { PageSize = 201 }))).Errors[0].Field.ShouldBe("pageSize");
        (await Should.ThrowAsync<ValidationFailedException>(() => inbox.ListAsync(new InboxQuery { Page = 0 }))).Errors[0].Field.ShouldBe("page");
    }

    private static Task<InboxReceipt> ReceiveAsync(InboxService inbox, string? sourceRef, string fileName, byte[] bytes, Guid? binderId = null) =>
        inbox.ReceiveAsync(InboxSource.Collect, sourceRef, fileName, "application/pdf", new MemoryStream(bytes), binderId);

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
