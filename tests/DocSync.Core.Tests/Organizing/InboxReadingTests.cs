using DocSync.Core.Companies;
using DocSync.Core.Documents;
using DocSync.Core.Errors;
using DocSync.Core.Organizing;
using DocSync.Core.Persistence;
using DocSync.Core.Reading;
using DocSync.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DocSync.Core.Tests.Organizing;

/// <summary>What reading gave, stored with inbox items: fields people correct, duplicates flagged, text searched.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class InboxReadingTests(DatabaseFixture fixture)
{
    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task UpdateFieldsAsync_BadValues_ThrowNamingEachFieldAndKeepTheFields(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        await using var unit = host.Scope(await host.NewCompanyAsync());
        var inbox = unit.ServiceProvider.GetRequiredService<InboxService>();
        var item = await ReceiveAsync(inbox, "a.pdf", Invoice("A-1", "10.00"));

        var failed = await Should.ThrowAsync<ValidationFailedException>(() => inbox.UpdateFieldsAsync(item.Id, new ExtractedFields
        {
            InvoiceDate = Field("15/03/2025"),
            DueDate = Field("2025-02-30"),
            Total = Field("ten"),
            VatAmount = Field("1.2.3"),
            SupplierName = Field(new string('x', 201)),
            InvoiceNumber = Field("A-1\u0007"),
            Currency = Field("EUR"),
        }));

        failed.Errors.Select(e => (e.Field, e.Code)).ShouldBe(
            [("invoiceDate", "date"), ("dueDate", "date"), ("total", "amount"), ("vatAmount", "amount"), ("supplierName", "text"), ("invoiceNumber", "text")],
            ignoreOrder: true);
        (await inbox.GetAsync(item.Id)).ShouldBe(item);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task UpdateFieldsAsync_CheckedValues_StoredTrimmedAndSureAndBlankCleared(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        await using var unit = host.Scope(await host.NewCompanyAsync());
        var inbox = unit.ServiceProvider.GetRequiredService<InboxService>();
        var item = await ReceiveAsync(inbox, "a.pdf", Invoice("A-1", "10.00"));

        var updated = await inbox.UpdateFieldsAsync(item.Id, new ExtractedFields
        {
            SupplierName = new ExtractedField("  Groothandel Licht NV ", 0.2),
            InvoiceNumber = Field(" A-2 "),
            InvoiceDate = Field("2025-06-01"),
            Total = Field("12.50"),
            Iban = Field("   "),
        });

        updated.Fields.ShouldBe(new ExtractedFields
        {
            SupplierName = new ExtractedField("Groothandel Licht NV", 1.0),
            InvoiceNumber = new ExtractedField("A-2", 1.0),
            InvoiceDate = new ExtractedField("2025-06-01", 1.0),
            Total = new ExtractedField("12.50", 1.0),
        });
        (await inbox.GetAsync(item.Id)).ShouldBe(updated);
        (updated.ReadState, updated.ReadMethod, updated.Language).ShouldBe((InboxReadState.Read, "ocr", "en"));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task UpdateFieldsAsync_NotPendingOrWithoutRight_Refused(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        var owner = await host.NewCompanyAsync();
        await using var unit = host.Scope(owner);
        var inbox = unit.ServiceProvider.GetRequiredService<InboxService>();
        var rejected = await ReceiveAsync(inbox, "a.pdf", Invoice("A-1", "10.00"));
        var pending = await ReceiveAsync(inbox, "b.pdf", Invoice("B-1", "10.00"));
        await inbox.RejectAsync(rejected.Id);

        (await Should.ThrowAsync<ConflictException>(() => inbox.UpdateFieldsAsync(rejected.Id, Invoice("A-2", "10.00")))).Code.ShouldBe("not-pending");
        await Should.ThrowAsync<NotFoundException>(() => inbox.UpdateFieldsAsync(Guid.NewGuid(), Invoice("A-2", "10.00")));
        await using var external = host.Scope(owner with { Rights = RoleRights.For(CompanyRole.External) });
        (await Should.ThrowAsync<AccessDeniedException>(() => external.ServiceProvider.GetRequiredService<InboxService>().UpdateFieldsAsync(pending.Id, ExtractedFields.None)))
            .Right.ShouldBe(Right.ProcessInbox);
        (await inbox.GetAsync(pending.Id)).Fields.ShouldBe(Invoice("B-1", "10.00"));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ReceiveAsync_SameNumberTotalAndSupplierAsEarlierItem_FlaggedNotDropped(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        await using var unit = host.Scope(await host.NewCompanyAsync());
        var inbox = unit.ServiceProvider.GetRequiredService<InboxService>();
        var first = await ReceiveAsync(inbox, "f-12.pdf", Invoice("F2025-12", "1234.50"));
        host.Time.Advance(TimeSpan.FromMinutes(1));

        // Written differently on the copy: number punctuation and case, total without the trailing zero, the name folded.
        var copy = await ReceiveAsync(inbox, "f-12 copy.pdf", Invoice("f 2025/12", "1234.5", supplier: "GROOTHANDEL LICHT"));
        var otherVat = await ReceiveAsync(inbox, "f-12 other.pdf", Invoice("F2025-12", "1234.50", vatNumber: "NL004495445B01"));
        var otherTotal = await ReceiveAsync(inbox, "f-12 total.pdf", Invoice("F2025-12", "1234.51"));
        var noNumber = await ReceiveAsync(inbox, "no-number.pdf", Invoice("F2025-12", "1234.50") with { InvoiceNumber = null });

        first.DuplicateOfItemId.ShouldBeNull();
        (copy.DuplicateOfItemId, copy.DuplicateOfDocumentId, copy.IsPossibleDuplicate).ShouldBe((first.Id, null, true));
        (otherVat.IsPossibleDuplicate, otherTotal.IsPossibleDuplicate, noNumber.IsPossibleDuplicate).ShouldBe((false, false, false));
        (await inbox.ListAsync(new InboxQuery())).TotalCount.ShouldBe(5);
        (await inbox.ListAsync(new InboxQuery { DuplicatesOnly = true })).Items.ShouldHaveSingleItem().ShouldBe(copy);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ReceiveAsync_RejectedEarlierItem_NotADuplicate(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        await using var unit = host.Scope(await host.NewCompanyAsync());
        var inbox = unit.ServiceProvider.GetRequiredService<InboxService>();
        var rejected = await ReceiveAsync(inbox, "a.pdf", Invoice("A-1", "10.00"));
        await inbox.RejectAsync(rejected.Id);
        host.Time.Advance(TimeSpan.FromMinutes(1));

        (await ReceiveAsync(inbox, "b.pdf", Invoice("A-1", "10.00"))).IsPossibleDuplicate.ShouldBeFalse();
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ReceiveAsync_SameAsExistingDocument_FlaggedWithTheDocument(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        await using var unit = host.Scope(await host.NewCompanyAsync());
        var inbox = unit.ServiceProvider.GetRequiredService<InboxService>();
        var documents = unit.ServiceProvider.GetRequiredService<DocumentService>();
        var content = SampleDocuments.Invoice("F2025-0042");
        var document = (await documents.CreateAsync(new CreateDocumentRequest { Content = content })).Document;
        var total = content.Totals.TotalInclVat.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);

        var copy = await ReceiveAsync(inbox, "f42.pdf", Invoice("F2025-0042", total, supplier: "Atelier Lumiere", vatNumber: null));
        var otherSupplier = await ReceiveAsync(inbox, "f42-b.pdf", Invoice("F2025-0042", total, supplier: "Brouwerij Het Anker", vatNumber: null));
        var otherNumber = await ReceiveAsync(inbox, "f43.pdf", Invoice("F2025-0043", total, supplier: "Atelier Lumière BV", vatNumber: null));

        (copy.DuplicateOfDocumentId, copy.DuplicateOfItemId).ShouldBe((document.Id, null));
        otherSupplier.IsPossibleDuplicate.ShouldBeFalse();
        otherNumber.IsPossibleDuplicate.ShouldBeFalse();
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task UpdateFieldsAsync_CorrectedToAnEarlierInvoice_FlaggedAndOtherVatClearsIt(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        await using var unit = host.Scope(await host.NewCompanyAsync());
        var inbox = unit.ServiceProvider.GetRequiredService<InboxService>();
        var first = await ReceiveAsync(inbox, "a.pdf", Invoice("A-1", "100.00"));
        host.Time.Advance(TimeSpan.FromMinutes(1));
        var misread = await ReceiveAsync(inbox, "b.pdf", Invoice("A-7", "100.00"));
        misread.IsPossibleDuplicate.ShouldBeFalse();

        var corrected = await inbox.UpdateFieldsAsync(misread.Id, Invoice("A-1", "100.00"));
        var otherSupplier = await inbox.UpdateFieldsAsync(misread.Id, Invoice("A-1", "100.00", vatNumber: "NL004495445B01"));

        corrected.DuplicateOfItemId.ShouldBe(first.Id);
        otherSupplier.IsPossibleDuplicate.ShouldBeFalse();
        (await inbox.GetAsync(misread.Id)).ShouldBe(otherSupplier);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ListAsync_Search_FindsNameOrTextIgnoringCaseAndAccents(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        await using var unit = host.Scope(await host.NewCompanyAsync());
        var inbox = unit.ServiceProvider.GetRequiredService<InboxService>();
        var electricity = await ReceiveAsync(inbox, "scan-0001.pdf", ExtractedFields.None, "FACTURE\nÉlectricité   de mars\nEngie SA");
        host.Time.Advance(TimeSpan.FromMinutes(1));
        var named = (await inbox.ReceiveAsync(InboxSource.Upload, null, "Électricité avril.pdf", "application/pdf", new MemoryStream(SampleDocuments.Pdf("x"))))
            .Item;
        host.Time.Advance(TimeSpan.FromMinutes(1));
        var water = await ReceiveAsync(inbox, "water.pdf", ExtractedFields.None, "Waterrekening");

        async Task<IReadOnlyList<Guid>> Find(string search, InboxSource? source = null) =>
            (await inbox.ListAsync(new InboxQuery { Search = search, Source = source })).Items.Select(i => i.Id).ToList();

        (await Find("electricite")).ShouldBe([named.Id, electricity.Id]);
        (await Find("ÉLECTRICITÉ DE MARS")).ShouldBe([electricity.Id]);
        (await Find("engie")).ShouldBe([electricity.Id]);
        (await Find("SCAN-0001")).ShouldBe([electricity.Id]);
        (await Find("electricite", InboxSource.Upload)).ShouldBe([named.Id]);
        (await Find("  ")).ShouldBe([water.Id, named.Id, electricity.Id]);
        (await Find("gas")).ShouldBeEmpty();
        (await inbox.GetTextAsync(electricity.Id)).ShouldBe("FACTURE\nÉlectricité   de mars\nEngie SA");
        (await inbox.GetTextAsync(named.Id)).ShouldBe("");
    }

    [Theory]
    [InlineData("1234.56", "1234.56")]
    [InlineData("12,50", "12.50")]
    [InlineData("1.234,56", "1234.56")]
    [InlineData("1,234.56", "1234.56")]
    [InlineData("1 234,56", "1234.56")]
    [InlineData("1\u00A0234,5", "1234.5")]
    [InlineData("1,234", "1234")]
    [InlineData("-3", "-3")]
    [InlineData("0,125", null)]
    [InlineData("1.2.3", null)]
    [InlineData("1.234.56", null)]
    [InlineData("ten", null)]
    [InlineData("", null)]
    public void Amounts_read_as_people_type_them(string typed, string? expected) =>
        InboxService.ParseAmount(typed)?.ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe(expected);

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Duplicates_point_to_the_earlier_item_and_compare_numbers_vat_numbers_and_words_loosely(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        await using var unit = host.Scope(await host.NewCompanyAsync());
        var inbox = unit.ServiceProvider.GetRequiredService<InboxService>();
        var first = await ReceiveAsync(inbox, "a.pdf", Invoice("F2025-0042", "10.00"), text: "FACTURE Engie mars");
        host.Time.Advance(TimeSpan.FromMinutes(1));
        var second = await ReceiveAsync(inbox, "b.pdf", Invoice("f2025 0042", "10.00", vatNumber: "BE 0477.472.701"));
        second.DuplicateOfItemId.ShouldBe(first.Id);

        // Correcting the earlier item's fields never points it at the later one.
        (await inbox.UpdateFieldsAsync(first.Id, Invoice("F2025-0042", "10,00"))).DuplicateOfItemId.ShouldBeNull();
        (await inbox.GetAsync(first.Id)).Fields.Total!.Value.ShouldBe("10.00");

        // Words in any order.
        (await inbox.ListAsync(new InboxQuery { Search = "engie facture" })).Items.Single().Id.ShouldBe(first.Id);
        (await inbox.ListAsync(new InboxQuery { Search = "mars factuur" })).Items.ShouldBeEmpty();
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_document_of_another_supplier_vat_number_is_no_duplicate(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        await using var unit = host.Scope(await host.NewCompanyAsync());
        var document = SampleDocuments.Invoice("F2025-0077");
        await unit.ServiceProvider.GetRequiredService<DocumentService>().CreateAsync(new CreateDocumentRequest { Content = document, Status = DocumentStatus.Final });
        var inbox = unit.ServiceProvider.GetRequiredService<InboxService>();
        var total = document.Totals.TotalInclVat.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);

        var same = await ReceiveAsync(inbox, "same.pdf", Invoice("F2025 0077", total, document.Seller.Name, document.Seller.VatNumber));
        var otherVat = await ReceiveAsync(inbox, "other.pdf", Invoice("F2025-0077", total, document.Seller.Name, "NL004495445B01"));
        var vatOnly = await ReceiveAsync(inbox, "vat-only.pdf", Invoice("F2025-0077", total, "", "NL004495445B01") with { SupplierName = null });

        same.DuplicateOfDocumentId.ShouldNotBeNull();
        otherVat.DuplicateOfDocumentId.ShouldBeNull();
        vatOnly.DuplicateOfDocumentId.ShouldBeNull();
    }

    private static ExtractedField Field(string value) => new(value, 0.5);

    private static ExtractedFields Invoice(string number, string total, string supplier = "Groothandel Licht NV", string? vatNumber = "BE0477472701") => new()
    {
        SupplierName = new ExtractedField(supplier, 0.3),
        VatNumber = vatNumber is null ? null : new ExtractedField(vatNumber, 0.95),
        InvoiceNumber = new ExtractedField(number, 0.6),
        InvoiceDate = new ExtractedField("2025-06-01", 0.9),
        Total = new ExtractedField(total, 0.9),
        Currency = new ExtractedField("EUR", 0.9),
    };

    private static async Task<InboxItemInfo> ReceiveAsync(InboxService inbox, string fileName, ExtractedFields fields, string text = "invoice") =>
        (await inbox.ReceiveAsync(InboxSource.Collect, null, fileName, "application/pdf", new MemoryStream(SampleDocuments.Pdf(fileName)),
            reading: new InboxReading(InboxReadState.Read, "ocr", text, "en", fields, null))).Item;
}
