using DocSync.Core.Reading;

namespace DocSync.Core.Tests.Reading;

public sealed partial class FieldExtractorTests
{
    [Fact]
    public void Extract_FrenchSellerOnTop_FindsEveryField()
    {
        var text = """
            Boulangerie Martin SARL
            12 rue de la Paix
            75002 Paris
            N° TVA : FR 40 303 265 045

            FACTURE
            Numéro de facture : F2025-0001
            Date de facture : 3 mars 2025
            Date d'échéance : 2 avril 2025

            Client :
            Atelier Lumière BV
            TVA BE 0477.472.701

            Total HT        1 000,00 €
            TVA 20 %          200,00 €
            Total TTC       1 200,00 €

            IBAN : FR14 2004 1010 0505 0001 3M02 606
            """;

        var fields = FieldExtractor.Extract(text);

        fields.SupplierName!.Value.ShouldBe("Boulangerie Martin SARL");
        fields.VatNumber!.Value.ShouldBe("FR40303265045");
        fields.InvoiceNumber!.Value.ShouldBe("F2025-0001");
        fields.InvoiceDate!.Value.ShouldBe("2025-03-03");
        fields.DueDate!.Value.ShouldBe("2025-04-02");
        fields.Total!.Value.ShouldBe("1200.00");
        fields.VatAmount!.Value.ShouldBe("200.00");
        fields.Iban!.Value.ShouldBe("FR1420041010050500013M02606");
        fields.Currency!.Value.ShouldBe("EUR");
    }

    [Fact]
    public void Extract_FrenchBelgianWithSupplierHeading_FindsEveryField()
    {
        var text = """
            FACTURE n° 2025/123
            Date : 03/03/2025
            Échéance : 02/04/2025

            Fournisseur
            Imprimerie Durand SA
            Rue Neuve 5
            1000 Bruxelles
            TVA BE0123456749

            Destinataire
            Atelier Lumière BV
            TVA BE 0477 472 701

            Total HTVA           1.500,00 EUR
            TVA 21%                315,00 EUR
            Total TVAC           1.815,00 EUR
            Compte : BE68 5390 0754 7034
            """;

        var fields = FieldExtractor.Extract(text);

        fields.SupplierName!.Value.ShouldBe("Imprimerie Durand SA");
        fields.VatNumber!.Value.ShouldBe("BE0123456749");
        fields.InvoiceNumber!.Value.ShouldBe("2025/123");
        fields.InvoiceDate!.Value.ShouldBe("2025-03-03");
        fields.DueDate!.Value.ShouldBe("2025-04-02");
        fields.Total!.Value.ShouldBe("1815.00");
        fields.VatAmount!.Value.ShouldBe("315.00");
        fields.Iban!.Value.ShouldBe("BE68539007547034");
    }

    [Fact]
    public void Extract_FrenchNetAPayerAndVatPerRate_AddsTheRatesUp()
    {
        var text = """
            Cave Dubois SAS
            TVA FR40303265045
            Facture N° FA-2025-00042 du 15/01/2025
            À payer avant le 14/02/2025
            Montant HT 5,5 %          100,00 €
            Montant HT 20 %           200,00 €
            TVA 5,5 %                   5,50 €
            TVA 20 %                   40,00 €
            Net à payer               345,50 €
            """;

        var fields = FieldExtractor.Extract(text);

        fields.SupplierName!.Value.ShouldBe("Cave Dubois SAS");
        fields.InvoiceNumber!.Value.ShouldBe("FA-2025-00042");
        fields.DueDate!.Value.ShouldBe("2025-02-14");
        fields.Total!.Value.ShouldBe("345.50");
        fields.VatAmount!.Value.ShouldBe("45.50");
    }
}
