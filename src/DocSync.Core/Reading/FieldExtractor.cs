using System.Globalization;

namespace DocSync.Core.Reading;

/// <summary>
/// Extracts the fields a bookkeeper types from a purchase invoice out of its text, in English,
/// French and Dutch: the supplier's name and VAT number, the invoice number, its date and due date,
/// the total, the VAT amount, the IBAN to pay to and the currency. Pure and fast (no I/O); tolerant
/// of OCR's usual confusions in numbers (O/0, l/1, S/5). Each field comes with a confidence: 0.9 and
/// more when a label and a checksum or a cross-check agree, about 0.6 after a label only, about 0.3
/// for a guess. How each field is found is documented on the types it uses: VAT numbers
/// (<see cref="VatNumberFinder"/>), IBANs (<see cref="IbanFinder"/>), labels
/// (<see cref="FieldLabels"/>), amounts (<see cref="AmountParser"/>, <see cref="TotalsChooser"/>),
/// dates (<see cref="DateParser"/>) and the supplier's name (<see cref="SupplierNameFinder"/>).
/// </summary>
public static class FieldExtractor
{
    /// <summary>The fields found in <paramref name="text"/>; <see cref="ExtractedFields.None"/> for empty text.</summary>
    /// <param name="text">A document's text, as <see cref="DocumentReader"/> reads it or from anywhere else.</param>
    public static ExtractedFields Extract(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            return ExtractedFields.None;
        }

        var lines = new ExtractionText(text);
        var parties = new PartyBlocks(lines);
        var ibans = IbanFinder.Find(lines, parties);
        var vats = VatNumberFinder.Find(lines, parties, ibans);
        var values = LabelledValues.Find(lines);
        var vat = VatNumberFinder.Choose(vats);
        var (total, totalField, vatField) = TotalsChooser.Choose(values, lines);
        var (invoiceDate, dueDate) = Dates(values, lines);
        var labelled = Enumerable.Range(0, lines.Count).Select(l => StartsWithLabel(lines, l)).ToArray();
        return new ExtractedFields
        {
            SupplierName = Rounded(SupplierNameFinder.Find(lines, parties, labelled, vat?.Candidate)),
            VatNumber = Rounded(vat?.Field),
            InvoiceNumber = Rounded(InvoiceNumber(values)),
            InvoiceDate = Rounded(invoiceDate),
            DueDate = Rounded(dueDate),
            Total = Rounded(totalField),
            VatAmount = Rounded(vatField),
            Iban = Rounded(IbanFinder.Choose(ibans)),
            Currency = Rounded(Currency(total, lines)),
        };
    }

    // The number with the best label; each other place that gives the same number adds to the confidence.
    private static ExtractedField? InvoiceNumber(LabelledValues values)
    {
        var best = values.InvoiceNumbers
            .GroupBy(c => c.Value, StringComparer.OrdinalIgnoreCase)
            .Select(g => (Value: g.OrderByDescending(c => c.Confidence).First(), Count: g.Count()))
            .OrderByDescending(g => g.Value.Confidence)
            .ThenByDescending(g => g.Count)
            .ThenBy(g => g.Value.Line)
            .Select(g => (g.Value, g.Count))
            .FirstOrDefault();
        return best.Value is null ? null : new ExtractedField(best.Value.Value, Math.Min(0.85, best.Value.Confidence + (0.1 * (best.Count - 1))));
    }

    // The labelled dates; without an invoice date label, the first date in the text is a guess at it.
    private static (ExtractedField? Invoice, ExtractedField? Due) Dates(LabelledValues values, ExtractionText text)
    {
        var invoice = values.InvoiceDates.OrderByDescending(c => c.Confidence).ThenBy(c => c.Line).FirstOrDefault();
        var due = values.DueDates.OrderByDescending(c => c.Confidence).ThenBy(c => c.Line).FirstOrDefault();
        var invoiceField = invoice is null ? null : Field(invoice.Value, invoice.Confidence);
        if (invoice is null)
        {
            var first = Enumerable.Range(0, text.Count)
                .SelectMany(l => DateParser.Find(text.Masked[l]))
                .Select(d => d.Value)
                .FirstOrDefault(d => due is null || d != due.Value, DateOnly.MinValue);
            invoiceField = first == DateOnly.MinValue ? null : Field(first, 0.3);
        }

        ExtractedField? dueField = null;
        if (due is not null)
        {
            // A due date before the invoice date is likely another date.
            var confidence = invoice is not null && due.Value < invoice.Value ? due.Confidence - 0.3 : due.Confidence;
            dueField = Field(due.Value, confidence);
        }

        return (invoiceField, dueField);
    }

    // The currency written with the total, else the one written most often with amounts or on its own.
    private static ExtractedField? Currency(Candidate<FoundAmount>? total, ExtractionText text)
    {
        if (total?.Value.Currency is { } written)
        {
            return new ExtractedField(written, 0.9);
        }

        var seen = Enumerable.Range(0, text.Count)
            .SelectMany(text.Amounts)
            .Where(a => a.Currency is not null)
            .GroupBy(a => a.Currency!)
            .OrderByDescending(g => g.Count())
            .FirstOrDefault();
        return seen is null ? null : new ExtractedField(seen.Key, 0.7);
    }

    private static bool StartsWithLabel(ExtractionText text, int line)
    {
        var indent = text.Lines[line].Length - text.Lines[line].TrimStart().Length;
        return text.Labels(line).Any(h => h.Start == indent);
    }

    private static ExtractedField? Rounded(ExtractedField? field) =>
        field is null ? null : field with { Confidence = Math.Round(Math.Clamp(field.Confidence, 0, 1), 2) };

    private static ExtractedField Field(DateOnly date, double confidence) =>
        new(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), confidence);
}
