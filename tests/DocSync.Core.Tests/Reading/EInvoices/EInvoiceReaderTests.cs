using System.Text;
using System.Xml.Linq;
using DocSync.Core.Documents;
using DocSync.Core.Export.Ubl;
using DocSync.Core.Reading;
using DocSync.Core.Reading.EInvoices;
using DocSync.Core.Tests.Export.Ubl;

namespace DocSync.Core.Tests.Reading.EInvoices;

/// <summary>UBL and CII e-invoices read into fields and lines, their rule breaches reported by id, hostile XML refused.</summary>
public sealed class EInvoiceReaderTests
{
    private static readonly XNamespace Cac = UblNames.Cac;
    private static readonly XNamespace Cbc = UblNames.Cbc;

    [Fact]
    public void FromXml_HandMadePeppolInvoice_ReadsEveryFieldAndLineExactly()
    {
        var invoice = EInvoiceReader.FromXml(EInvoiceSamples.Bytes(EInvoiceSamples.Ubl));

        invoice.Format.ShouldBe(EInvoiceFormat.Ubl);
        invoice.Violations.ShouldBeEmpty(UblXml.Describe(invoice.Violations));
        invoice.Notes.ShouldBeEmpty();
        var c = invoice.Content;
        c.Type.ShouldBe(DocumentType.Invoice);
        c.Number.ShouldBe("KM-2026-0117");
        c.IssueDate.ShouldBe(new DateOnly(2026, 1, 15));
        c.DueDate.ShouldBe(new DateOnly(2026, 2, 14));
        c.Currency.ShouldBe("EUR");
        c.Note.ShouldBe("Levering week 3");
        c.Seller.Name.ShouldBe("Koffiebranderij Mertens");
        c.Seller.VatNumber.ShouldBe("BE0477472701");
        c.Seller.Iban.ShouldBe("BE68539007547034");
        c.Seller.Address.ShouldBe(new PostalAddress { Street = "Brugsesteenweg 45", PostalCode = "9000", City = "Gent", Country = "BE" });
        c.Buyer!.Name.ShouldBe("Brasserie De Gouden Leeuw NV");
        c.Buyer.VatNumber.ShouldBe("BE0403170701");
        c.Lines.ShouldBe(
        [
            new DocumentLine { Description = "Espresso blend, bonen 1 kg", Quantity = 10, UnitPrice = 12.50m, VatRate = 21 },
            new DocumentLine { Description = "Koffieboek \"Van boon tot kop\"", Quantity = 3, UnitPrice = 8.00m, VatRate = 6 },
        ]);
        c.Totals.ShouldBe(new DocumentTotals { TotalExclVat = 149.00m, TotalVat = 27.69m, TotalInclVat = 176.69m });
        DocSync.Core.Validation.DocumentValidator.Validate(c).ShouldBeEmpty();

        var fields = EInvoiceReader.Fields(invoice);
        fields.SupplierName!.Value.ShouldBe("Koffiebranderij Mertens");
        fields.InvoiceNumber!.Value.ShouldBe("KM-2026-0117");
        fields.Total!.Value.ShouldBe("176.69");
        fields.VatAmount!.Value.ShouldBe("27.69");
        fields.DueDate!.Value.ShouldBe("2026-02-14");
        new[] { fields.SupplierName, fields.VatNumber, fields.InvoiceNumber, fields.InvoiceDate, fields.DueDate, fields.Total, fields.VatAmount, fields.Iban, fields.Currency }
            .ShouldAllBe(f => f != null && f.Confidence == 1.0);
    }

    public static TheoryData<string, string> UblBreaches() => new()
    {
        { "no due date and no terms", "BR-CO-25" },
        { "buyer without country", "BR-11" },
        { "seller without registration name", "BR-06" },
        { "no buyer or order reference", "PEPPOL-EN16931-R003" },
        { "payable amount off by a cent", "BR-CO-16" },
        { "line net not quantity × price", "PEPPOL-EN16931-R120" },
        { "no lines", "BR-16" },
        { "unknown currency", "BR-CL-04" },
        { "VAT of a rate wrong", "BR-CO-14" },
        { "no specification identifier", "BR-01" },
        { "seller without electronic address", "PEPPOL-EN16931-R020" },
    };

    [Theory, MemberData(nameof(UblBreaches))]
    public void FromXml_PeppolInvoiceBreakingARule_ReportsItByRuleId(string breach, string rule)
    {
        var xml = XDocument.Parse(EInvoiceSamples.Ubl);
        var root = xml.Root!;
        var buyer = root.Element(Cac + "AccountingCustomerParty")!.Element(Cac + "Party")!;
        var seller = root.Element(Cac + "AccountingSupplierParty")!.Element(Cac + "Party")!;
        var totals = root.Element(Cac + "LegalMonetaryTotal")!;
        switch (breach)
        {
            case "no due date and no terms": root.Element(Cbc + "DueDate")!.Remove(); break;
            case "buyer without country": buyer.Element(Cac + "PostalAddress")!.Element(Cac + "Country")!.Remove(); break;
            case "seller without registration name": seller.Element(Cac + "PartyLegalEntity")!.Element(Cbc + "RegistrationName")!.Remove(); break;
            case "no buyer or order reference": root.Element(Cbc + "BuyerReference")!.Remove(); break;
            case "payable amount off by a cent": totals.Element(Cbc + "PayableAmount")!.Value = "176.70"; break;
            case "line net not quantity × price": root.Element(Cac + "InvoiceLine")!.Element(Cac + "Price")!.Element(Cbc + "PriceAmount")!.Value = "13.50"; break;
            case "no lines": root.Elements(Cac + "InvoiceLine").Remove(); break;
            case "unknown currency": root.Element(Cbc + "DocumentCurrencyCode")!.Value = "EUX"; break;
            case "VAT of a rate wrong": root.Element(Cac + "TaxTotal")!.Element(Cac + "TaxSubtotal")!.Element(Cbc + "TaxAmount")!.Value = "26.35"; break;
            case "no specification identifier": root.Element(Cbc + "CustomizationID")!.Remove(); break;
            case "seller without electronic address": seller.Element(Cbc + "EndpointID")!.Remove(); break;
            default: throw new ArgumentOutOfRangeException(nameof(breach));
        }

        var invoice = EInvoiceReader.FromXml(Encoding.UTF8.GetBytes(xml.ToString()));

        invoice.Violations.Select(v => v.RuleId).ShouldContain(rule, UblXml.Describe(invoice.Violations));
        invoice.Violations.ShouldAllBe(v => v.Message.Length > 0 && v.Location.StartsWith('/'));
    }

    [Fact]
    public void FromXml_CiiFacturX_ReadsTheSameInvoiceAsTheUbl()
    {
        var cii = EInvoiceReader.FromXml(EInvoiceSamples.Bytes(EInvoiceSamples.Cii));
        var ubl = EInvoiceReader.FromXml(EInvoiceSamples.Bytes(EInvoiceSamples.Ubl));

        cii.Format.ShouldBe(EInvoiceFormat.Cii);
        cii.Violations.ShouldBeEmpty(UblXml.Describe(cii.Violations));
        Json(cii.Content).ShouldBe(Json(ubl.Content with { Seller = ubl.Content.Seller with { Name = "Koffiebranderij Mertens BV" } }));
        cii.StatedTotal.ShouldBe(176.69m);
    }

    public static TheoryData<string, string> CiiBreaches() => new()
    {
        { "<ram:GrandTotalAmount>176.69</ram:GrandTotalAmount>|<ram:GrandTotalAmount>177.69</ram:GrandTotalAmount>", "BR-CO-15" },
        { "<ram:ID>KM-2026-0117</ram:ID>|<ram:ID></ram:ID>", "BR-02" },
        { "<ram:LineTotalAmount>149.00</ram:LineTotalAmount>|<ram:LineTotalAmount>150.00</ram:LineTotalAmount>", "BR-CO-10" },
        { "<ram:CityName>Brussel</ram:CityName><ram:CountryID>BE</ram:CountryID>|<ram:CityName>Brussel</ram:CityName>", "BR-11" },
        { "<udt:DateTimeString format=\"102\">20260214</udt:DateTimeString>|<udt:DateTimeString format=\"102\">2026-02-14</udt:DateTimeString>", "BR-CO-25" },
        { "<ram:CalculatedAmount>1.44</ram:CalculatedAmount>|<ram:CalculatedAmount>1.54</ram:CalculatedAmount>", "BR-CO-14" },
        { "<ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>|<ram:InvoiceCurrencyCode>EURO</ram:InvoiceCurrencyCode>", "BR-CL-04" },
    };

    [Theory, MemberData(nameof(CiiBreaches))]
    public void FromXml_CiiBreakingARule_ReportsItByRuleId(string change, string rule)
    {
        var (from, to) = (change.Split('|')[0], change.Split('|')[1]);
        EInvoiceSamples.Cii.ShouldContain(from);

        var invoice = EInvoiceReader.FromXml(EInvoiceSamples.Bytes(EInvoiceSamples.Cii.Replace(from, to, StringComparison.Ordinal)));

        invoice.Violations.Select(v => v.RuleId).ShouldContain(rule, UblXml.Describe(invoice.Violations));
    }

    public static TheoryData<string, string, ReadOutcome, string> Refused() => new()
    {
        {
            "external entity (XXE)",
            "<?xml version=\"1.0\"?><!DOCTYPE Invoice [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\">&xxe;</Invoice>",
            ReadOutcome.Corrupt, "DTD"
        },
        {
            "billion laughs",
            "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]><lolz>&lol2;</lolz>",
            ReadOutcome.Corrupt, "DTD"
        },
        { "not well-formed", "<Invoice><cbc:ID>1</Invoice>", ReadOutcome.Corrupt, "not well-formed" },
        { "another kind of XML", "<?xml version=\"1.0\"?><Order xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Order-2\"/>", ReadOutcome.Unsupported, "'Order'" },
        { "an invoice in no namespace", "<Invoice><ID>1</ID></Invoice>", ReadOutcome.Unsupported, "UBL 2.1" },
    };

    [Theory, MemberData(nameof(Refused))]
    public void FromXml_HostileOrForeignXml_IsRefusedWithAClearReason(string what, string xml, ReadOutcome outcome, string says)
    {
        var refused = Should.Throw<EInvoiceException>(() => EInvoiceReader.FromXml(Encoding.UTF8.GetBytes(xml)), what);

        refused.Outcome.ShouldBe(outcome);
        refused.Message.ShouldContain(says);
    }

    [Fact]
    public void FromXml_LargerThanTheLimit_IsRefusedBeforeParsing()
    {
        var huge = new byte[EInvoiceReader.MaxXmlBytes + 1];
        huge.AsSpan().Fill((byte)' ');
        "<Invoice>"u8.CopyTo(huge);

        var refused = Should.Throw<EInvoiceException>(() => EInvoiceReader.FromXml(huge));

        refused.Outcome.ShouldBe(ReadOutcome.Corrupt);
        refused.Message.ShouldContain("20 MiB");
    }

    [Fact]
    public void FromXml_LineWithAllowanceAndDocumentDiscount_KeepsTheTotalsOfTheInvoice()
    {
        var xml = XDocument.Parse(EInvoiceSamples.Ubl);
        var root = xml.Root!;
        // A document-level 5.00 discount at 21 %: 120.00 + 24.00 taxable, 25.20 + 1.44 VAT.
        root.Element(Cac + "TaxTotal")!.AddBeforeSelf(new XElement(Cac + "AllowanceCharge",
            new XElement(Cbc + "ChargeIndicator", "false"),
            new XElement(Cbc + "AllowanceChargeReason", "Trouwkorting"),
            new XElement(Cbc + "Amount", new XAttribute("currencyID", "EUR"), "5.00"),
            new XElement(Cac + "TaxCategory", new XElement(Cbc + "ID", "S"), new XElement(Cbc + "Percent", "21"), new XElement(Cac + "TaxScheme", new XElement(Cbc + "ID", "VAT")))));
        // The second line: 3 at 8.10 with a line allowance of 0.30, net 24.00.
        root.Elements(Cac + "InvoiceLine").Last().Element(Cac + "Price")!.Element(Cbc + "PriceAmount")!.Value = "8.10";
        root.Element(Cac + "LegalMonetaryTotal")!.Element(Cbc + "TaxInclusiveAmount")!.Value = "170.64";

        var invoice = EInvoiceReader.FromXml(Encoding.UTF8.GetBytes(xml.ToString()));

        invoice.Content.Lines.Count.ShouldBe(3);
        invoice.Content.Lines[1].ShouldBe(new DocumentLine { Description = "Koffieboek \"Van boon tot kop\" (3 × 8.1)", Quantity = 1, UnitPrice = 24.00m, VatRate = 6 });
        invoice.Content.Lines[2].ShouldBe(new DocumentLine { Description = "Trouwkorting", Quantity = 1, UnitPrice = -5.00m, VatRate = 21 });
        invoice.Content.Totals.TotalExclVat.ShouldBe(144.00m);
        invoice.Content.Totals.TotalVat.ShouldBe(26.64m);
        invoice.Notes.ShouldHaveSingleItem().ShouldContain("Koffieboek");
    }

    [Fact]
    public void FromPdf_FacturXAttachment_IsReadFromItsXml()
    {
        var pdf = PdfWithAttachment.Build("Invoice KM-2026-0117 from Koffiebranderij Mertens to Brasserie De Gouden Leeuw", "factur-x.xml", EInvoiceSamples.Bytes(EInvoiceSamples.Cii));
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);

        var invoice = EInvoiceReader.FromPdf(document);

        invoice.ShouldNotBeNull();
        invoice.Format.ShouldBe(EInvoiceFormat.Cii);
        invoice.AttachmentName.ShouldBe("factur-x.xml");
        invoice.Content.Totals.TotalInclVat.ShouldBe(176.69m);
    }

    [Fact]
    public void FromPdf_AttachmentThatIsNoInvoice_GivesNone()
    {
        var pdf = PdfWithAttachment.Build("A letter with an attachment of some other kind, nothing to pay", "notes.xml", "<notes><note>hi</note></notes>"u8.ToArray());
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);

        EInvoiceReader.FromPdf(document).ShouldBeNull();
    }

    private static string Json(DocumentContent content) => System.Text.Json.JsonSerializer.Serialize(content);

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 40)];

    [Theory, MemberData(nameof(Seeds))]
    public void Read_DocSyncsOwnUbl_ReadsBackToTheDocumentItWasWrittenFrom(int seed)
    {
        var (content, extras) = UblSamples.Random(seed);

        var invoice = EInvoiceReader.FromXml(UblWriter.Write(content, extras));

        invoice.Violations.ShouldBeEmpty(UblXml.Describe(invoice.Violations));
        EInvoiceRoundTrip.ShouldMatch(invoice, content);
    }

    [Theory]
    [InlineData("belgian")]
    [InlineData("rounding")]
    [InlineData("negative credit note")]
    [InlineData("positive credit note")]
    [InlineData("dutch")]
    public void Read_DocSyncsOwnUblSamples_ReadBack(string sample)
    {
        var (content, extras) = sample switch
        {
            "belgian" => (UblSamples.BelgianInvoice(), UblExtras.None),
            "rounding" => (UblSamples.RoundingInvoice(), UblExtras.None),
            "negative credit note" => (UblSamples.NegativeCreditNote(), UblExtras.None),
            "positive credit note" => (UblSamples.PositiveCreditNote(), UblExtras.None),
            _ => (UblSamples.DutchInvoice(), UblSamples.DutchExtras),
        };

        var invoice = EInvoiceReader.FromXml(UblWriter.Write(content, extras));

        EInvoiceRoundTrip.ShouldMatch(invoice, content);
    }
}
