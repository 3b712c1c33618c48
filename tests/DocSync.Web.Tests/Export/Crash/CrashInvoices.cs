using DocSync.Core.Documents;
using DocSync.Core.Validation;

namespace DocSync.Web.Tests.Export.Crash;

/// <summary>Valid documents for the crash test, varied enough that paths and contents differ.</summary>
public static class CrashInvoices
{
    /// <summary>Buyers, some with accents, so path keys go through Unicode normalisation.</summary>
    private static readonly string[] Buyers = ["Librairie Dupont SARL", "Brouwerij Het Anker", "Café Zoë", "Ölmühle Schäfer GmbH", "Atelier Ñandú SL"];

    public static DocumentContent Document(DocumentType type, string number, int index) => DocumentCalculator.Complete(new DocumentContent
    {
        Type = type,
        Number = number,
        IssueDate = new DateOnly(2025, 1 + (index % 12), 1 + (index % 28)),
        DueDate = new DateOnly(2025, 1 + (index % 12), 1 + (index % 28)).AddDays(30),
        Currency = "EUR",
        Seller = new Party
        {
            Name = "Atelier Lumière BV",
            VatNumber = "BE 0477.472.701",
            Iban = "BE68 5390 0754 7034",
            Address = new PostalAddress { Street = "Kortrijksesteenweg 112", PostalCode = "9000", City = "Gent", Country = "BE" },
        },
        Buyer = new Party { Name = Buyers[index % Buyers.Length], VatNumber = "FR40303265045", Address = new PostalAddress { City = "Paris", Country = "FR" } },
        Lines =
        [
            new DocumentLine { Description = "Hanglamp Lumière 40 cm", Quantity = 1 + (index % 5), UnitPrice = 189.00m, VatRate = 21m },
            new DocumentLine { Description = "Catalogue imprimé", Quantity = 3, UnitPrice = 12.335m, VatRate = 6m },
        ],
        Totals = new DocumentTotals(),
    });

    /// <summary>The same document with another note and one more line: a new PDF and a new UBL.</summary>
    public static DocumentContent Edited(DocumentContent content, int edit) => DocumentCalculator.Complete(content with
    {
        Note = $"Edit {edit}: payment within 30 days",
        Lines = [.. content.Lines, new DocumentLine { Description = $"Extra {edit}", Quantity = 1, UnitPrice = 10m + (edit % 50), VatRate = 21m }],
    });
}
