using DocSync.Core.Documents;
using DocSync.Core.Organizing;
using DocSync.Core.Persistence;
using DocSync.Core.Tests.Infrastructure;
using DocSync.Core.Tests.Reading.EInvoices;
using Microsoft.Extensions.DependencyInjection;

namespace DocSync.Core.Tests.Organizing;

/// <summary>A UBL dropped in the inbox is read exactly and becomes a purchase document whose UBL is the original file.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class InboxEInvoiceTests(DatabaseFixture fixture)
{
    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task UploadedUbl_IsReadExactly_AndBecomesAPurchaseInvoiceKeepingTheXml(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        var owner = await host.NewCompanyAsync();
        var xml = EInvoiceSamples.Bytes(EInvoiceSamples.Ubl);
        Guid itemId;
        await using (var unit = host.Scope(owner))
        {
            itemId = (await unit.ServiceProvider.GetRequiredService<InboxService>()
                .ReceiveAsync(InboxSource.Upload, null, "KM-2026-0117.xml", "application/octet-stream", new MemoryStream(xml))).Item.Id;
        }

        (await host.Get<InboxReader>().ReadPendingAsync(10)).ShouldBe(1);

        await using (var unit = host.Scope(owner))
        {
            var inbox = unit.ServiceProvider.GetRequiredService<InboxService>();
            var item = await inbox.GetAsync(itemId);
            (item.ReadState, item.ReadMethod, item.ReadProblem).ShouldBe((InboxReadState.Read, "e-invoice", (string?)null));
            item.Fields.Total!.ShouldBe(new DocSync.Core.Reading.ExtractedField("176.69", 1.0));
            (await inbox.ListAsync(new InboxQuery { Search = "espresso" })).TotalCount.ShouldBe(1);

            var invoice = (await inbox.ReadEInvoiceAsync(itemId)).ShouldNotBeNull();
            var content = invoice.Content with { Type = DocumentType.PurchaseInvoice };
            var document = await inbox.ConvertAsync(itemId, content);

            document.Content.Type.ShouldBe(DocumentType.PurchaseInvoice);
            document.Content.Lines.Count.ShouldBe(2);
            var ubl = document.Files.Single(f => f.Kind == DocumentFileKind.Ubl);
            (ubl.FileName, ubl.Sha256, ubl.ContentType, ubl.Generated).ShouldBe(("KM-2026-0117.xml", item.Sha256, "application/xml", false));
            // The readable PDF beside it is DocSync's rendering; there is no attachment.
            document.Files.Single(f => f.Kind == DocumentFileKind.Pdf).Generated.ShouldBeTrue();
            document.Files.ShouldNotContain(f => f.Kind == DocumentFileKind.Attachment);
        }
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task UploadedXmlThatIsNoInvoice_IsFiledWithTheReason(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        var owner = await host.NewCompanyAsync();
        Guid itemId;
        await using (var unit = host.Scope(owner))
        {
            itemId = (await unit.ServiceProvider.GetRequiredService<InboxService>()
                .ReceiveAsync(InboxSource.Upload, null, "order.xml", "application/xml", new MemoryStream("<order><line/></order>"u8.ToArray()))).Item.Id;
        }

        await host.Get<InboxReader>().ReadPendingAsync(10);

        await using (var unit = host.Scope(owner))
        {
            var inbox = unit.ServiceProvider.GetRequiredService<InboxService>();
            var item = await inbox.GetAsync(itemId);
            item.ReadState.ShouldBe(InboxReadState.Failed);
            item.ReadProblem.ShouldNotBeNull().ShouldContain("not an e-invoice");
            (await inbox.ReadEInvoiceAsync(itemId)).ShouldBeNull();
        }
    }
}
