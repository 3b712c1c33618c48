using System.Text.Json;
using System.Text.Json.Serialization;
using DocSync.Core.Documents;
using DocSync.Core.Validation;

namespace DocSync.Web.Bench;

/// <summary>
/// Valid sales invoices as a host application would send them: the <c>document</c> part's JSON in
/// the API's conventions (camelCase, enums as camelCase strings), totals computed with DocSync's
/// own rounding rule, valid Belgian VAT numbers and IBAN.
/// </summary>
internal static class InvoiceFactory
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly Party Seller = new()
    {
        Name = "Lumen BV",
        VatNumber = "BE0477472701",
        Iban = "BE68 5390 0754 7034",
        Address = new PostalAddress { Street = "Grote Markt 1", PostalCode = "1000", City = "Brussel", Country = "BE" },
    };

    private static readonly Party Buyer = new()
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
            Seller = Seller,
            Buyer = Buyer,
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
