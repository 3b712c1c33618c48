using DocSync.Core.Reading;

namespace DocSync.Core.Tests.Reading;

public sealed partial class FieldExtractorTests
{
    [Fact]
    public void Extract_EnglishSellerOnTop_FindsEveryField()
    {
        var text = """
            ACME Consulting Ltd
            12 High Street
            London EC1A 1BB
            VAT: BE 0123.456.749

            INVOICE
            Invoice number: INV-77
            Invoice date: 03/03/2025
            Due date: 02/04/2025

            Bill to:
            Librairie Dupont SARL
            VAT FR40303265045

            Description            Qty   Price     Amount
            Consulting days        3     500.00    1,500.00

            Subtotal                         1,500.00
            VAT 21%                            315.00
            Total                          € 1,815.00

            Please pay to IBAN BE68 5390 0754 7034
            """;

        var fields = FieldExtractor.Extract(text);

        fields.SupplierName!.Value.ShouldBe("ACME Consulting Ltd");
        fields.VatNumber!.Value.ShouldBe("BE0123456749");
        fields.InvoiceNumber!.Value.ShouldBe("INV-77");
        fields.InvoiceDate!.Value.ShouldBe("2025-03-03");
        fields.DueDate!.Value.ShouldBe("2025-04-02");
        fields.Total!.Value.ShouldBe("1815.00");
        fields.VatAmount!.Value.ShouldBe("315.00");
        fields.Iban!.Value.ShouldBe("BE68539007547034");
        fields.Currency!.Value.ShouldBe("EUR");

        // Subtotal + VAT = total: both cross-checked.
        fields.Total.Confidence.ShouldBeGreaterThanOrEqualTo(0.9);
        fields.VatAmount.Confidence.ShouldBeGreaterThanOrEqualTo(0.9);
    }

    [Fact]
    public void Extract_EnglishFromAndToHeadings_TakesTheSellerAndAmountDue()
    {
        var text = """
            Invoice # 2025/123
            Date: March 3, 2025
            Payment due: April 2, 2025

            To: Librairie Dupont SARL, VAT FR 40 303265045
            From: Bright Lamps BV
            Kortrijksesteenweg 1, 9000 Gent
            VAT BE0477472701

            Total excl. VAT      1,000.00
            Total VAT              210.00
            Amount due       EUR 1,210.00
            IBAN: BE68539007547034
            """;

        var fields = FieldExtractor.Extract(text);

        fields.SupplierName!.Value.ShouldBe("Bright Lamps BV");
        fields.VatNumber!.Value.ShouldBe("BE0477472701");
        fields.InvoiceNumber!.Value.ShouldBe("2025/123");
        fields.InvoiceDate!.Value.ShouldBe("2025-03-03");
        fields.DueDate!.Value.ShouldBe("2025-04-02");
        fields.Total!.Value.ShouldBe("1210.00");
        fields.VatAmount!.Value.ShouldBe("210.00");
        fields.Currency!.Value.ShouldBe("EUR");
    }

    [Fact]
    public void Extract_EnglishOcrNoise_FixesLookalikesInNumbers()
    {
        var text = """
            Northwind Traders Ltd
            VAT No. BE 0l23 456 749
            Tax invoice
            Invoice no. F2025-0031
            Invoice date O3/O3/2025
            Total excl. VAT 1,00O.00
            VAT 21% 2l0.00
            Total incl. VAT 1,2l0.00
            IBAN BE68 539O 0754 7034
            """;

        var fields = FieldExtractor.Extract(text);

        fields.VatNumber!.Value.ShouldBe("BE0123456749");
        fields.InvoiceNumber!.Value.ShouldBe("F2025-0031");
        fields.InvoiceDate!.Value.ShouldBe("2025-03-03");
        fields.Total!.Value.ShouldBe("1210.00");
        fields.VatAmount!.Value.ShouldBe("210.00");
        fields.Iban!.Value.ShouldBe("BE68539007547034");
        fields.SupplierName!.Value.ShouldBe("Northwind Traders Ltd");
    }
}
