using DocSync.Core.Organizing;
using DocSync.Core.Persistence;
using DocSync.Core.Rendering;
using DocSync.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DocSync.Core.Tests.Organizing;

/// <summary>Uploaded inbox items are read in the background: text, fields, search, once.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class InboxReaderTests(DatabaseFixture fixture)
{
    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Uploads_are_read_once_and_then_found_by_their_text(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider, 8 * 1024 * 1024);
        var owner = await host.NewCompanyAsync();
        var pdf = host.Get<DocumentPdfRenderer>().Render(SampleDocuments.Invoice("F2026-0777"), "fr");
        Guid invoiceId, noteId;
        await using (var unit = host.Scope(owner))
        {
            var inbox = unit.ServiceProvider.GetRequiredService<InboxService>();
            invoiceId = (await inbox.ReceiveAsync(InboxSource.Upload, null, "scan.pdf", "application/pdf", new MemoryStream(pdf))).Item.Id;
            noteId = (await inbox.ReceiveAsync(InboxSource.Api, null, "note.bin", "application/octet-stream", new MemoryStream([1, 2, 3, 4]))).Item.Id;
            (await inbox.GetAsync(invoiceId)).ReadState.ShouldBe(InboxReadState.NotRead);
        }

        (await host.Get<InboxReader>().ReadPendingAsync(10)).ShouldBe(2);
        (await host.Get<InboxReader>().ReadPendingAsync(10)).ShouldBe(0);

        await using (var unit = host.Scope(owner))
        {
            var inbox = unit.ServiceProvider.GetRequiredService<InboxService>();
            var invoice = await inbox.GetAsync(invoiceId);
            invoice.ReadState.ShouldBe(InboxReadState.Read);
            invoice.Language.ShouldBe("fr");
            invoice.Fields.InvoiceNumber!.Value.ShouldBe("F2026-0777");
            (await inbox.GetTextAsync(invoiceId)).ShouldContain("F2026-0777");
            (await inbox.ListAsync(new InboxQuery { Search = "f2026-0777" })).Items.Single().Id.ShouldBe(invoiceId);
            var note = await inbox.GetAsync(noteId);
            note.ReadState.ShouldBe(InboxReadState.Failed);
            note.ReadProblem.ShouldNotBeNullOrWhiteSpace();
        }
    }
}
