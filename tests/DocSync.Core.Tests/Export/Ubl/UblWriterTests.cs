using System.Globalization;
using System.Text;
using DocSync.Core.Documents;
using DocSync.Core.Export.Ubl;
using DocSync.Core.Validation;

namespace DocSync.Core.Tests.Export.Ubl;

public sealed class UblWriterTests
{
    [Theory]
    [InlineData(DocumentType.Invoice, true)]
    [InlineData(DocumentType.CreditNote, true)]
    [InlineData(DocumentType.Quote, false)]
    [InlineData(DocumentType.Order, false)]
    [InlineData(DocumentType.DeliveryNote, false)]
    [InlineData(DocumentType.PurchaseInvoice, false)]
    [InlineData(DocumentType.Receipt, false)]
    [InlineData(DocumentType.Other, false)]
    public void Supports_EachType_OnlyInvoicesAndCreditNotes(DocumentType type, bool expected) =>
        UblWriter.Supports(type).ShouldBe(expected);

    public static TheoryData<string> Samples => ["be", "rounding", "to-nl", "to-fr", "to-de", "many", "cn-negative", "cn-positive", "not-subject", "exempt", "dutch"];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Write_Sample_PassesEveryRule(string sample)
    {
        var (content, extras) = Sample(sample);

        var violations = UblRules.Check(UblXml.Write(content, extras));

        violations.ShouldBeEmpty(UblXml.Describe(violations));
    }

    [Fact]
    public void Write_BelgianInvoice_HasThePeppolHeader()
    {
        var root = UblXml.Write(UblSamples.BelgianInvoice()).Root!;

        root.Name.ShouldBe(UblNames.Invoice + "Invoice");
        root.Text("CustomizationID").ShouldBe("urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0");
        root.Text("ProfileID").ShouldBe("urn:fdc:peppol.eu:2017:poacc:billing:01:1.0");
        root.Text("ID").ShouldBe("F2025/0042");
        root.Text("IssueDate").ShouldBe("2025-06-16");
        root.Text("DueDate").ShouldBe("2025-07-16");
        root.Text("InvoiceTypeCode").ShouldBe("380");
        root.Text("DocumentCurrencyCode").ShouldBe("EUR");
        root.Text("BuyerReference").ShouldBe("F2025/0042");
        root.Text("Note").ShouldBe("Gestructureerde mededeling +++090/9337/55493+++ — betaling binnen 30 dagen.");
    }

    [Fact]
    public void Write_BelgianParties_UseTheEnterpriseNumberAsAddressAndLegalId()
    {
        var root = UblXml.Write(UblSamples.BelgianInvoice()).Root!;
        var seller = root.At("AccountingSupplierParty", "Party");
        var buyer = root.At("AccountingCustomerParty", "Party");

        seller.At("EndpointID").Attribute("schemeID")!.Value.ShouldBe("0208");
        seller.Text("EndpointID").ShouldBe("0477472701");
        seller.Text("PartyTaxScheme", "CompanyID").ShouldBe("BE0477472701");
        seller.Text("PartyTaxScheme", "TaxScheme", "ID").ShouldBe("VAT");
        seller.Text("PartyLegalEntity", "RegistrationName").ShouldBe("Atelier Lumière & Zonen BV");
        seller.Text("PartyLegalEntity", "CompanyID").ShouldBe("0477472701");
        seller.Text("PostalAddress", "StreetName").ShouldBe("Kortrijksesteenweg 112");
        seller.Text("PostalAddress", "Country", "IdentificationCode").ShouldBe("BE");
        buyer.Text("EndpointID").ShouldBe("0403170701");
        buyer.Text("PartyLegalEntity", "RegistrationName").ShouldBe("Brasserie <De Gouden Leeuw> NV");
    }

    [Theory]
    [InlineData("NL", "9944", "NL810433941B01")]
    [InlineData("FR", "9957", "FR59542051180")]
    [InlineData("DE", "9930", "DE136695976")]
    public void Write_ForeignBuyer_UsesItsCountrysVatScheme(string country, string scheme, string vat)
    {
        var buyer = country switch { "NL" => UblSamples.DutchBuyer, "FR" => UblSamples.FrenchBuyer, _ => UblSamples.GermanBuyer };

        var party = UblXml.Write(UblSamples.InvoiceTo(buyer)).Root!.At("AccountingCustomerParty", "Party");

        party.At("EndpointID").Attribute("schemeID")!.Value.ShouldBe(scheme);
        party.Text("EndpointID").ShouldBe(vat);
        party.Text("PartyTaxScheme", "CompanyID").ShouldBe(vat);
        party.At("PartyLegalEntity").Element(UblXml.Cbc("CompanyID")).ShouldBeNull();
        party.Text("PostalAddress", "Country", "IdentificationCode").ShouldBe(country);
    }

    [Fact]
    public void Write_FourRates_OneSubtotalPerRateWithItsCategory()
    {
        var content = UblSamples.BelgianInvoice();

        var tax = UblXml.Write(content).Root!.At("TaxTotal");

        var rows = tax.All("TaxSubtotal")
            .Select(s => (s.Text("TaxCategory", "ID"), s.Text("TaxCategory", "Percent"), s.Text("TaxableAmount"), s.Text("TaxAmount")))
            .ToList();
        rows.ShouldBe([("Z", "0", "24.00", "0.00"), ("S", "6", "1250.00", "75.00"), ("S", "12", "179.40", "21.53"), ("S", "21", "580.50", "121.91")]);
        tax.Text("TaxAmount").ShouldBe(content.Totals.TotalVat.ToString("0.00", CultureInfo.InvariantCulture));
        tax.All("TaxSubtotal").ShouldAllBe(s => s.At("TaxableAmount").Attribute("currencyID")!.Value == "EUR");
    }

    [Fact]
    public void Write_Totals_AreTheCalculatorsWithTwoDecimals()
    {
        var content = UblSamples.BelgianInvoice();

        var totals = UblXml.Write(content).Root!.At("LegalMonetaryTotal");

        totals.Text("LineExtensionAmount").ShouldBe("2033.90");
        totals.Text("TaxExclusiveAmount").ShouldBe("2033.90");
        totals.Text("TaxInclusiveAmount").ShouldBe("2252.34");
        totals.Text("PayableAmount").ShouldBe("2252.34");
        content.Totals.ShouldBe(new DocumentTotals { TotalExclVat = 2033.90m, TotalVat = 218.44m, TotalInclVat = 2252.34m });
    }

    [Fact]
    public void Write_Lines_CarryQuantityNetItemCategoryAndPrice()
    {
        var lines = UblXml.Write(UblSamples.BelgianInvoice()).Root!.All("InvoiceLine").ToList();

        lines.Count.ShouldBe(6);
        lines[1].Text("ID").ShouldBe("2");
        lines[1].At("InvoicedQuantity").Attribute("unitCode")!.Value.ShouldBe("C62");
        lines[1].Text("InvoicedQuantity").ShouldBe("3.5");
        lines[1].Text("LineExtensionAmount").ShouldBe("227.50");
        lines[1].Text("Item", "Name").ShouldBe("Plaatsing & aansluiting (uur)");
        lines[1].Text("Item", "ClassifiedTaxCategory", "ID").ShouldBe("S");
        lines[1].Text("Item", "ClassifiedTaxCategory", "Percent").ShouldBe("21");
        lines[1].Text("Price", "PriceAmount").ShouldBe("65.00");
        lines[4].Text("Item", "ClassifiedTaxCategory", "ID").ShouldBe("Z");

        // The discount line's negative price moves to the quantity: a price is never negative (BR-27).
        lines[5].Text("InvoicedQuantity").ShouldBe("-1");
        lines[5].Text("Price", "PriceAmount").ShouldBe("25.00");
        lines[5].Text("LineExtensionAmount").ShouldBe("-25.00");
    }

    [Fact]
    public void Write_RoundingEdgeCases_RoundsEachLineThenTheVatPerRate()
    {
        var root = UblXml.Write(UblSamples.RoundingInvoice()).Root!;

        // 3 × 0.335 = 1.005 → 1.01; 0.005 → 0.01; 0.3333 × 1.2345 = 0.41145… → 0.41.
        root.All("InvoiceLine").Select(l => l.Text("LineExtensionAmount")).ShouldBe(["1.01", "0.01", "0.41", "0.25"]);
        root.All("InvoiceLine").Select(l => l.Text("Price", "PriceAmount")).ShouldBe(["0.335", "0.005", "1.2345", "0.25"]);
        root.All("InvoiceLine").Select(l => l.Text("InvoicedQuantity")).ShouldBe(["3", "1", "0.3333", "1"]);

        // 6 %: 0.66 × 6 % = 0.0396 → 0.04; 21 %: 1.02 × 21 % = 0.2142 → 0.21.
        root.At("TaxTotal").All("TaxSubtotal").Select(s => s.Text("TaxAmount")).ShouldBe(["0.04", "0.21"]);
        root.Text("LegalMonetaryTotal", "PayableAmount").ShouldBe("1.93");
    }

    [Fact]
    public void Write_ManyLines_WritesEveryLineInOrder()
    {
        var root = UblXml.Write(UblSamples.ManyLines(300)).Root!;

        root.All("InvoiceLine").Select(l => l.Text("ID")).ShouldBe(Enumerable.Range(1, 300).Select(i => i.ToString(CultureInfo.InvariantCulture)));
        root.At("TaxTotal").All("TaxSubtotal").Count().ShouldBe(4);
    }

    [Fact]
    public void Write_SellerWithIban_GetsSepaCreditTransfer()
    {
        var means = UblXml.Write(UblSamples.BelgianInvoice()).Root!.At("PaymentMeans");

        means.Text("PaymentMeansCode").ShouldBe("58");
        means.Text("PaymentID").ShouldBe("F2025/0042");
        means.Text("PayeeFinancialAccount", "ID").ShouldBe("BE68539007547034");
    }

    [Fact]
    public void Write_DollarInvoice_GetsPlainCreditTransfer()
    {
        var content = UblSamples.BelgianInvoice() with { Currency = "USD" };

        var root = UblXml.Write(content).Root!;

        root.Text("PaymentMeans", "PaymentMeansCode").ShouldBe("30");
        root.Descendants().Where(e => e.Attribute("currencyID") is not null).ShouldAllBe(e => e.Attribute("currencyID")!.Value == "USD");
    }

    [Fact]
    public void Write_SellerWithoutIban_HasNoPaymentMeans()
    {
        var content = UblSamples.BelgianInvoice() with { Seller = UblSamples.BelgianSeller with { Iban = null } };

        UblXml.Write(content).Root!.Element(UblXml.Cac("PaymentMeans")).ShouldBeNull();
    }

    [Fact]
    public void Write_Extras_GiveEndpointsReferencesAndTerms()
    {
        var extras = new UblExtras
        {
            BuyerEndpoint = new UblIdentifier("0088", "5790000435975"),
            BuyerReference = "Afdeling inkoop 7",
            OrderReference = "PO-2025-311",
            InvoiceReference = "F2025/0001",
            PaymentReference = "+++090/9337/55493+++",
            PaymentTerms = "30 dagen einde maand",
        };

        var root = UblXml.Write(UblSamples.BelgianInvoice(), extras).Root!;

        UblRules.Check(root.Document!).ShouldBeEmpty();
        root.Text("BuyerReference").ShouldBe("Afdeling inkoop 7");
        root.Text("OrderReference", "ID").ShouldBe("PO-2025-311");
        root.Text("BillingReference", "InvoiceDocumentReference", "ID").ShouldBe("F2025/0001");
        root.Text("PaymentMeans", "PaymentID").ShouldBe("+++090/9337/55493+++");
        root.Text("PaymentTerms", "Note").ShouldBe("30 dagen einde maand");
        root.At("AccountingCustomerParty", "Party", "EndpointID").Attribute("schemeID")!.Value.ShouldBe("0088");
    }

    [Fact]
    public void Write_OrderReferenceOnly_NeedsNoBuyerReference()
    {
        var root = UblXml.Write(UblSamples.BelgianInvoice(), new UblExtras { OrderReference = "PO-9" }).Root!;

        root.Element(UblXml.Cbc("BuyerReference")).ShouldBeNull();
        UblRules.Check(root.Document!).ShouldBeEmpty();
    }

    [Fact]
    public void Write_InvoiceWithoutDueDate_TakesPaymentTermsFromTheNote()
    {
        var content = UblSamples.BelgianInvoice() with { DueDate = null, Note = "Contant te betalen bij levering." };

        var root = UblXml.Write(content).Root!;

        root.Element(UblXml.Cbc("DueDate")).ShouldBeNull();
        root.Text("PaymentTerms", "Note").ShouldBe("Contant te betalen bij levering.");
        UblRules.Check(root.Document!).ShouldBeEmpty();
    }

    internal static (DocumentContent Content, UblExtras? Extras) Sample(string name) => name switch
    {
        "be" => (UblSamples.BelgianInvoice(), null),
        "rounding" => (UblSamples.RoundingInvoice(), null),
        "to-nl" => (UblSamples.InvoiceTo(UblSamples.DutchBuyer), null),
        "to-fr" => (UblSamples.InvoiceTo(UblSamples.FrenchBuyer), null),
        "to-de" => (UblSamples.InvoiceTo(UblSamples.GermanBuyer), null),
        "many" => (UblSamples.ManyLines(300), null),
        "cn-negative" => (UblSamples.NegativeCreditNote(), null),
        "cn-positive" => (UblSamples.PositiveCreditNote(), null),
        "not-subject" => (UblSamples.NotSubjectToVat(), UblSamples.NonProfitExtras),
        "exempt" => (UblSamples.BelgianInvoice(), new UblExtras { VatExemptionReason = "Vrijstelling art. 44 WBTW" }),
        "dutch" => (UblSamples.DutchInvoice(), UblSamples.DutchExtras),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such sample."),
    };
}
