using DocSync.Core.Reading;

namespace DocSync.Core.Tests.Reading;

public sealed partial class FieldExtractorTests
{
    [Fact]
    public void Extract_DutchSellerOnTop_FindsEveryField()
    {
        var text = """
            Bakkerij Janssens BV
            Dorpstraat 1
            2000 Antwerpen
            BTW BE 0123.456.749

            Factuurnummer: 2025-0042
            Factuurdatum: 03-03-2025
            Vervaldatum: 02-04-2025

            Klant
            Librairie Dupont SARL
            BTW FR40303265045

            Subtotaal   € 1.500,00
            BTW 21%       € 315,00
            Totaal      € 1.815,00
            IBAN BE68 5390 0754 7034
            """;

        var fields = FieldExtractor.Extract(text);

        fields.SupplierName!.Value.ShouldBe("Bakkerij Janssens BV");
        fields.VatNumber!.Value.ShouldBe("BE0123456749");
        fields.InvoiceNumber!.Value.ShouldBe("2025-0042");
        fields.InvoiceDate!.Value.ShouldBe("2025-03-03");
        fields.DueDate!.Value.ShouldBe("2025-04-02");
        fields.Total!.Value.ShouldBe("1815.00");
        fields.VatAmount!.Value.ShouldBe("315.00");
        fields.Iban!.Value.ShouldBe("BE68539007547034");
        fields.Currency!.Value.ShouldBe("EUR");
    }

    [Fact]
    public void Extract_DutchNetherlandsWithLeverancierHeading_FindsEveryField()
    {
        var text = """
            Factuur nr. INV-77
            Datum: 3 maart 2025
            Te betalen voor: 2 april 2025

            Leverancier: De Vries VOF
            Keizersgracht 10, 1015 CS Amsterdam
            Btw-nummer NL123456782B01
            IBAN NL91 ABNA 0417 1643 00

            Totaal excl. btw   € 1.000,00
            Btw-bedrag           € 210,00
            Totaal incl. btw   € 1.210,00
            """;

        var fields = FieldExtractor.Extract(text);

        fields.SupplierName!.Value.ShouldBe("De Vries VOF");
        fields.VatNumber!.Value.ShouldBe("NL123456782B01");
        fields.InvoiceNumber!.Value.ShouldBe("INV-77");
        fields.InvoiceDate!.Value.ShouldBe("2025-03-03");
        fields.DueDate!.Value.ShouldBe("2025-04-02");
        fields.Total!.Value.ShouldBe("1210.00");
        fields.VatAmount!.Value.ShouldBe("210.00");
        fields.Iban!.Value.ShouldBe("NL91ABNA0417164300");
    }

    [Fact]
    public void Extract_DutchTableOfLabelsAndValues_ReadsTheRowBelow()
    {
        var text = """
            Verkoper
            Groothandel Peeters NV
            Ondernemingsnummer 0477.472.701

            Factuurnummer   Factuurdatum   Vervaldag
            F2025-0107      01.06.2025     01.07.2025

            Maatstaf van heffing   Btw       Te betalen
            1.000,00               210,00    1.210,00
            """;

        var fields = FieldExtractor.Extract(text);

        fields.SupplierName!.Value.ShouldBe("Groothandel Peeters NV");
        fields.VatNumber!.Value.ShouldBe("BE0477472701");
        fields.InvoiceNumber!.Value.ShouldBe("F2025-0107");
        fields.InvoiceDate!.Value.ShouldBe("2025-06-01");
        fields.DueDate!.Value.ShouldBe("2025-07-01");
        fields.Total!.Value.ShouldBe("1210.00");
        fields.VatAmount!.Value.ShouldBe("210.00");
    }
}
