using System.Globalization;
using DocSync.Core.Documents;
using DocSync.Core.Export.Ubl;
using DocSync.Core.Validation;

namespace DocSync.Core.Tests.Export.Ubl;

/// <summary>Credit notes, signs and VAT categories.</summary>
public sealed class UblWriterKindsTests
{
    [Fact]
    public void Write_NegativeCreditNote_IsWrittenWithPositiveAmounts()
    {
        var content = UblSamples.NegativeCreditNote();

        var root = UblXml.Write(content).Root!;

        content.Totals.TotalInclVat.ShouldBeLessThan(0);
        root.Name.ShouldBe(UblNames.CreditNote + "CreditNote");
        root.Text("CreditNoteTypeCode").ShouldBe("381");
        root.Element(UblXml.Cbc("DueDate")).ShouldBeNull();
        root.Element(UblXml.Cac("InvoiceLine")).ShouldBeNull();
        var lines = root.All("CreditNoteLine").ToList();
        lines.Select(l => l.Text("CreditedQuantity")).ShouldBe(["1", "0.5", "2"]);
        lines.Select(l => l.Text("LineExtensionAmount")).ShouldBe(["189.00", "32.50", "29.90"]);
        root.Text("LegalMonetaryTotal", "PayableAmount").ShouldBe((-content.Totals.TotalInclVat).ToString("0.00", CultureInfo.InvariantCulture));
        root.Text("TaxTotal", "TaxAmount").ShouldBe((-content.Totals.TotalVat).ToString("0.00", CultureInfo.InvariantCulture));
        UblRules.Check(root.Document!).ShouldBeEmpty();
    }

    [Fact]
    public void Write_PositiveCreditNote_KeepsItsSignsAndPutsTheDueDateInPaymentMeans()
    {
        var content = UblSamples.PositiveCreditNote();

        var root = UblXml.Write(content).Root!;

        root.All("CreditNoteLine").Select(l => l.Text("CreditedQuantity")).ShouldBe(["1", "0.5", "2"]);
        root.Text("LegalMonetaryTotal", "PayableAmount").ShouldBe(content.Totals.TotalInclVat.ToString("0.00", CultureInfo.InvariantCulture));
        root.Element(UblXml.Cbc("DueDate")).ShouldBeNull();
        root.Text("PaymentMeans", "PaymentDueDate").ShouldBe("2025-07-01");
    }

    [Fact]
    public void Write_CreditNoteWithAReturnAndARefund_KeepsTheDebitLineNegative()
    {
        // Net credit with one line going the other way: only the whole document's sign decides the mirroring.
        var content = DocumentCalculator.Complete(UblSamples.NegativeCreditNote() with
        {
            Lines =
            [
                new DocumentLine { Description = "Retour", Quantity = -3, UnitPrice = 100m, VatRate = 21m },
                new DocumentLine { Description = "Herstelkosten", Quantity = 1, UnitPrice = 40m, VatRate = 21m },
            ],
        });

        var root = UblXml.Write(content).Root!;

        root.All("CreditNoteLine").Select(l => l.Text("LineExtensionAmount")).ShouldBe(["300.00", "-40.00"]);
        root.Text("LegalMonetaryTotal", "PayableAmount").ShouldBe("314.60");
        UblRules.Check(root.Document!).ShouldBeEmpty();
    }

    [Fact]
    public void Write_NegativeInvoice_StaysAnInvoiceWithNegativeTotals()
    {
        var content = DocumentCalculator.Complete(UblSamples.BelgianInvoice() with
        {
            Lines = [new DocumentLine { Description = "Correctie", Quantity = -2, UnitPrice = 50m, VatRate = 21m }],
        });

        var root = UblXml.Write(content).Root!;

        root.Name.ShouldBe(UblNames.Invoice + "Invoice");
        root.Text("LegalMonetaryTotal", "PayableAmount").ShouldBe("-121.00");
        UblRules.Check(root.Document!).ShouldBeEmpty();
    }

    [Fact]
    public void Write_SellerWithoutVatNumber_WritesNotSubjectToVatAndNoVatNumbers()
    {
        var root = UblXml.Write(UblSamples.NotSubjectToVat(), UblSamples.NonProfitExtras).Root!;

        root.Descendants(UblXml.Cac("PartyTaxScheme")).ShouldBeEmpty();
        var category = root.All("InvoiceLine").First().At("Item", "ClassifiedTaxCategory");
        category.Text("ID").ShouldBe("O");
        category.Element(UblXml.Cbc("Percent")).ShouldBeNull();
        var row = root.At("TaxTotal", "TaxSubtotal", "TaxCategory");
        row.Text("ID").ShouldBe("O");
        row.Text("TaxExemptionReasonCode").ShouldBe("VATEX-EU-O");
        root.Text("AccountingSupplierParty", "Party", "EndpointID").ShouldBe("0851030191");
        root.Text("AccountingSupplierParty", "Party", "PartyLegalEntity", "CompanyID").ShouldBe("0851030191");
        root.Text("TaxTotal", "TaxAmount").ShouldBe("0.00");
    }

    [Fact]
    public void Write_ExemptionReason_MakesZeroRateLinesExempt()
    {
        var extras = new UblExtras { VatExemptionReason = "Bijzondere vrijstellingsregeling kleine ondernemingen" };

        var root = UblXml.Write(UblSamples.BelgianInvoice(), extras).Root!;

        var rows = root.At("TaxTotal").All("TaxSubtotal").ToList();
        rows.Select(r => r.Text("TaxCategory", "ID")).ShouldBe(["E", "S", "S", "S"]);
        rows[0].Text("TaxCategory", "TaxExemptionReason").ShouldBe("Bijzondere vrijstellingsregeling kleine ondernemingen");
        rows[1].At("TaxCategory").Element(UblXml.Cbc("TaxExemptionReason")).ShouldBeNull();
        root.All("InvoiceLine").ElementAt(4).At("Item", "ClassifiedTaxCategory").Element(UblXml.Cbc("TaxExemptionReason")).ShouldBeNull();
    }

    [Fact]
    public void Write_DutchSeller_UsesItsVatSchemeAndKvkNumber()
    {
        var root = UblXml.Write(UblSamples.DutchInvoice(), UblSamples.DutchExtras).Root!;

        var seller = root.At("AccountingSupplierParty", "Party");
        seller.At("EndpointID").Attribute("schemeID")!.Value.ShouldBe("9944");
        seller.Text("EndpointID").ShouldBe("NL004495445B01");
        seller.At("PartyLegalEntity", "CompanyID").Attribute("schemeID")!.Value.ShouldBe("0106");
        root.Text("PaymentMeans", "PayeeFinancialAccount", "ID").ShouldBe("NL91ABNA0417164300");
        root.At("TaxTotal").All("TaxSubtotal").Select(r => r.Text("TaxCategory", "Percent")).ShouldBe(["9", "21"]);
    }
}
