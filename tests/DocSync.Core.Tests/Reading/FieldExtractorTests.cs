using DocSync.Core.Reading;

namespace DocSync.Core.Tests.Reading;

/// <summary>
/// Whole invoices: English, French and Dutch layouts in the files beside this one, and what holds
/// across languages here. The per-field rules have tests of their own (VAT numbers, IBANs, amounts, dates).
/// </summary>
public sealed partial class FieldExtractorTests
{
    [Fact]
    public void Extract_OcrJoinedSideBySideBlocks_TellsSupplierFromCustomerByOrder()
    {
        var text = """
            Factuur

            Nummer INV-82

            LEVERANCIER KLANT

            Atelier Lumière BV Café du Commerce SRL
            Stationsstraat 159 Place Verte 3

            5398 Gent 1000 Bruxelles

            Frankrijk Frankrijk

            Btw FR 35 289 282 267 Btw FR94274285052
            """;

        var fields = FieldExtractor.Extract(text);

        fields.SupplierName!.Value.ShouldBe("Atelier Lumière BV");
        fields.VatNumber!.Value.ShouldBe("FR35289282267");
        fields.VatNumber.Confidence.ShouldBeGreaterThanOrEqualTo(0.9);
    }

    [Fact]
    public void Extract_LayoutKeepingColumns_ReadsEachBlockByItsColumn()
    {
        // As pdftotext -layout gives a rendered invoice: the customer's block beside the supplier's.
        var text = """
            Invoice
            Number               F2025-0001
            Date                 1 June 2025
            Due date             1 July 2025

            SUPPLIER                            CUSTOMER

            Librairie Dupont SARL               Atelier Lumière BV
            Paris                               Kortrijksesteenweg 112
            France                              9000 Gent
            VAT FR40303265045                   Belgium
                                                VAT BE 0477.472.701
                                                IBAN BE68 5390 0754 7034

                                   Total excl. VAT                                €2,415.01
                                   VAT                                             €501.60

                                   Total incl. VAT                               €2,916.61
            """;

        var fields = FieldExtractor.Extract(text);

        fields.SupplierName!.Value.ShouldBe("Librairie Dupont SARL");
        fields.VatNumber!.Value.ShouldBe("FR40303265045");
        fields.InvoiceNumber!.Value.ShouldBe("F2025-0001");
        fields.InvoiceDate!.Value.ShouldBe("2025-06-01");
        fields.DueDate!.Value.ShouldBe("2025-07-01");
        fields.Total!.Value.ShouldBe("2916.61");
        fields.VatAmount!.Value.ShouldBe("501.60");
    }

    [Fact]
    public void Extract_SupplierBlockWithBlankLinesBetween_FindsTheNameAboveTheVatNumber()
    {
        var text = """
            Garage Verhoeven NV

            Industrieweg 12

            3500 Hasselt

            Belgium

            VAT BE 0477.472.701
            """;

        FieldExtractor.Extract(text).SupplierName!.Value.ShouldBe("Garage Verhoeven NV");
    }

    [Fact]
    public void Extract_LargestLabelledTotal_Wins()
    {
        var fields = FieldExtractor.Extract("Total 100.00\nTotal incl. VAT 121.00\nTotal 12.00\n");

        fields.Total!.Value.ShouldBe("121.00");
    }

    [Fact]
    public void Extract_VatRateAndVatNumberOnVatLines_AreNotTheVatAmount()
    {
        var fields = FieldExtractor.Extract("VAT BE 0477.472.701\nVAT rate 21%\nVAT 21%\nTotal 121.00\n");

        fields.VatAmount.ShouldBeNull();
        fields.Total!.Value.ShouldBe("121.00");
    }

    [Fact]
    public void Extract_TotalWithoutCrossCheck_HasLabelOnlyConfidence()
    {
        var total = FieldExtractor.Extract("Total: 99.95 EUR").Total.ShouldNotBeNull();

        total.Value.ShouldBe("99.95");
        total.Confidence.ShouldBeInRange(0.5, 0.75);
    }

    [Fact]
    public void Extract_NoDateLabel_GuessesTheFirstDateWithLowConfidence()
    {
        var date = FieldExtractor.Extract("Thank you for your visit on 12/05/2025.").InvoiceDate.ShouldNotBeNull();

        date.Value.ShouldBe("2025-05-12");
        date.Confidence.ShouldBeLessThanOrEqualTo(0.3);
    }

    [Fact]
    public void Extract_DeliveryDateAndCustomerNumber_AreNotTakenForTheInvoices()
    {
        var fields = FieldExtractor.Extract("Customer number: 4711\nDelivery date: 01/05/2025\nInvoice date: 03/05/2025\n");

        fields.InvoiceNumber.ShouldBeNull();
        fields.InvoiceDate!.Value.ShouldBe("2025-05-03");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n  ")]
    [InlineData("Lorem ipsum dolor sit amet")]
    public void Extract_TextWithoutFields_FindsNone(string text)
    {
        var fields = FieldExtractor.Extract(text);

        (fields with { SupplierName = null }).ShouldBe(ExtractedFields.None);
    }
}
