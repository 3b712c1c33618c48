using DocSync.Core.Documents;
using DocSync.Core.Reading.EInvoices;
using DocSync.Core.Validation;

namespace DocSync.Core.Tests.Reading.EInvoices;

/// <summary>Compares an e-invoice read back from DocSync's UBL with the document it was written from.</summary>
public static class EInvoiceRoundTrip
{
    /// <summary>
    /// The read content equals the written one, with the signs as UBL carries them: a credit note with a negative
    /// total reads back mirrored (positive), a negative unit price moves its sign to the quantity.
    /// </summary>
    public static void ShouldMatch(EInvoice invoice, DocumentContent written)
    {
        var read = invoice.Content;
        var mirror = written.Type == DocumentType.CreditNote
            && (written.Totals.TotalInclVat < 0 || (written.Totals.TotalInclVat == 0 && written.Totals.TotalExclVat < 0));
        var sign = mirror ? -1 : 1;
        var expectedLines = written.Lines.Select(l => l with
        {
            Description = l.Description.Trim(),
            Quantity = l.Quantity * sign * (l.UnitPrice < 0 ? -1 : 1),
            UnitPrice = Math.Abs(l.UnitPrice),
        }).ToList();

        read.Type.ShouldBe(written.Type);
        read.Number.ShouldBe(written.Number);
        read.IssueDate.ShouldBe(written.IssueDate);
        // A credit note's due date has no place in UBL but its payment means: without an IBAN it is not written.
        read.DueDate.ShouldBe(written.Type == DocumentType.CreditNote && written.Seller.Iban is null ? null : written.DueDate);
        read.Currency.ShouldBe(written.Currency);
        read.Note.ShouldBe(written.Note);
        PartyShouldMatch(read.Seller, written.Seller, iban: true);
        PartyShouldMatch(read.Buyer!, written.Buyer!, iban: false);
        read.Lines.Count.ShouldBe(expectedLines.Count);
        for (var i = 0; i < expectedLines.Count; i++)
        {
            read.Lines[i].Description.ShouldBe(expectedLines[i].Description);
            read.Lines[i].Quantity.ShouldBe(expectedLines[i].Quantity);
            read.Lines[i].UnitPrice.ShouldBe(expectedLines[i].UnitPrice);
            read.Lines[i].VatRate.ShouldBe(expectedLines[i].VatRate);
        }

        read.Totals.TotalExclVat.ShouldBe(written.Totals.TotalExclVat * sign);
        read.Totals.TotalVat.ShouldBe(written.Totals.TotalVat * sign);
        read.Totals.TotalInclVat.ShouldBe(written.Totals.TotalInclVat * sign);
        invoice.StatedTotal.ShouldBe(written.Totals.TotalInclVat * sign);
        invoice.Notes.ShouldBeEmpty();
    }

    private static void PartyShouldMatch(Party read, Party written, bool iban)
    {
        read.Name.ShouldBe(written.Name.Trim());
        read.VatNumber.ShouldBe(written.VatNumber is null ? null : VatNumbers.Normalize(written.VatNumber));
        read.Address.ShouldBe(written.Address);
        if (iban)
        {
            read.Iban.ShouldBe(written.Iban is null ? null : Iban.Normalize(written.Iban));
        }
    }
}
