using DocSync.Core.Documents;
using DocSync.Core.Validation;

namespace DocSync.Export.Bench;

/// <summary>
/// Plausible, valid invoices and credit notes (one in five), spread over two years and twenty
/// customers, one to four lines each; the same index always gives the same document.
/// </summary>
internal static class InvoiceFactory
{
    private static readonly string[] Buyers =
    [
        "Librairie Dupont SARL", "Brasserie Van Damme BV", "Café de l'Europe", "Maison Lefèvre & Fils", "Studio Noord",
        "Bakkerij Peeters", "Hôtel du Parc", "Atelier Verhaegen", "Drukkerij De Smet", "Galerie Mertens",
        "Boekhandel Claes", "Fleuriste Dubois", "Restaurant 't Pleintje", "Cabinet Lambert", "Garage Willems NV",
        "Opticien Jacobs", "Pharmacie Martin", "Schrijnwerkerij Maes", "Théâtre Royal ASBL", "Vinothèque Wouters",
    ];

    private static readonly (string Description, decimal Price, decimal Vat)[] Products =
    [
        ("Hanglamp Lumière 40 cm", 189.00m, 21m), ("Catalogue imprimé", 12.335m, 6m), ("Wandlamp Aube", 129.50m, 21m),
        ("Installatie (uur)", 65.00m, 21m), ("Lampenkap linnen", 39.90m, 21m), ("Livraison", 25.00m, 21m),
    ];

    /// <summary>Document number <paramref name="index"/> of a series (<paramref name="series"/> keeps the bench's sets apart).</summary>
    public static DocumentContent Create(int index, string series = "")
    {
        var type = index % 5 == 4 ? DocumentType.CreditNote : DocumentType.Invoice;
        var issued = new DateOnly(2024, 1, 2).AddDays(index % 700);
        var lines = Enumerable.Range(0, 1 + (index % 4)).Select(l =>
        {
            var product = Products[(index + l) % Products.Length];
            return new DocumentLine { Description = product.Description, Quantity = 1 + ((index + l) % 3), UnitPrice = product.Price, VatRate = product.Vat };
        }).ToList();
        return DocumentCalculator.Complete(new DocumentContent
        {
            Type = type,
            Number = $"{(type == DocumentType.CreditNote ? "C" : "F")}{series}{issued.Year}-{index:D6}",
            IssueDate = issued,
            DueDate = type == DocumentType.Invoice ? issued.AddDays(30) : null,
            Currency = "EUR",
            Seller = new Party
            {
                Name = "Atelier Lumière BV",
                VatNumber = "BE 0477.472.701",
                Iban = "BE68 5390 0754 7034",
                Address = new PostalAddress { Street = "Kortrijksesteenweg 112", PostalCode = "9000", City = "Gent", Country = "BE" },
            },
            Buyer = new Party
            {
                Name = Buyers[index % Buyers.Length],
                VatNumber = "FR40303265045",
                Address = new PostalAddress { City = "Paris", Country = "FR" },
            },
            Lines = lines,
            Totals = new DocumentTotals(),
        });
    }
}
