using System.Text.Json;
using System.Text.Json.Serialization;
using DocSync.Core.Documents;
using DocSync.Core.Validation;

namespace DocSync.Bench.Common;

/// <summary>
/// Valid documents for the benches. <see cref="Create"/>: plausible invoices and credit notes (one in
/// five), spread over two years and twenty customers, one to four lines each; the same index always
/// gives the same document. <see cref="DocumentJson"/>: a sales invoice as a host application sends
/// it to the API (the <c>document</c> part's JSON in the API's conventions: camelCase, enums as
/// camelCase strings), with valid Belgian VAT numbers and IBAN. Totals use DocSync's own rounding.
/// </summary>
public static class InvoiceFactory
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

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly Party ApiSeller = new()
    {
        Name = "Lumen BV",
        VatNumber = "BE0477472701",
        Iban = "BE68 5390 0754 7034",
        Address = new PostalAddress { Street = "Grote Markt 1", PostalCode = "1000", City = "Brussel", Country = "BE" },
    };

    private static readonly Party ApiBuyer = new()
    {
        Name = "Atelier Noord NV",
        VatNumber = "BE0403170701",
        Address = new PostalAddress { Street = "Meir 12", PostalCode = "2000", City = "Antwerpen", Country = "BE" },
    };

    /// <summary>The JSON of a draft invoice numbered <paramref name="number"/>; <paramref name="sequence"/> varies its lines.</summary>
    public static string DocumentJson(string number, int sequence)
    {
        var issued = new DateOnly(2026, 1, 1).AddDays(sequence % 365);
        var content = DocumentCalculator.Complete(new DocumentContent
        {
            Type = DocumentType.Invoice,
            Number = number,
            IssueDate = issued,
            DueDate = issued.AddDays(30),
            Currency = "EUR",
            Seller = ApiSeller,
            Buyer = ApiBuyer,
            Lines =
            [
                new DocumentLine { Description = "Consulting (hours)", Quantity = 1 + (sequence % 40) / 4m, UnitPrice = 95.50m, VatRate = 21m },
                new DocumentLine { Description = "Printed brochures", Quantity = 10 + sequence % 7, UnitPrice = 1.2345m, VatRate = 6m },
                new DocumentLine { Description = "Travel costs", Quantity = 1, UnitPrice = 12.99m + sequence % 100, VatRate = 21m },
            ],
            Totals = new DocumentTotals(),
            Note = "Payment within 30 days, structured reference +++090/9337/55493+++.",
        });
        return JsonSerializer.Serialize(new { content, status = DocumentStatus.Draft }, Json);
    }
}
