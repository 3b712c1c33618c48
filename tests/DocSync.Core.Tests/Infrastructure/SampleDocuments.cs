using DocSync.Core.Documents;
using DocSync.Core.Validation;

namespace DocSync.Core.Tests.Infrastructure;

/// <summary>Valid documents to start tests from.</summary>
public static class SampleDocuments
{
    public static DocumentContent Invoice(string number = "F2025-0001") => DocumentCalculator.Complete(new DocumentContent
    {
        Type = DocumentType.Invoice,
        Number = number,
        IssueDate = new DateOnly(2025, 6, 1),
        DueDate = new DateOnly(2025, 7, 1),
        Currency = "EUR",
        Seller = new Party
        {
            Name = "Atelier Lumière BV",
            VatNumber = "BE 0477.472.701",
            Iban = "BE68 5390 0754 7034",
            Address = new PostalAddress { Street = "Kortrijksesteenweg 112", PostalCode = "9000", City = "Gent", Country = "BE" },
        },
        Buyer = new Party { Name = "Librairie Dupont SARL", VatNumber = "FR40303265045", Address = new PostalAddress { City = "Paris", Country = "FR" } },
        Lines =
        [
            new DocumentLine { Description = "Hanglamp Lumière 40 cm", Quantity = 2, UnitPrice = 189.00m, VatRate = 21m },
            new DocumentLine { Description = "Catalogue imprimé", Quantity = 3, UnitPrice = 12.335m, VatRate = 6m },
        ],
        Totals = new DocumentTotals(),
    });

    public static byte[] Pdf(string text = "invoice") => System.Text.Encoding.ASCII.GetBytes($"%PDF-1.7\n% {text}\n%%EOF\n");
}
