using System.Globalization;
using System.Text.RegularExpressions;
using DocSync.Core.Documents;

namespace DocSync.Core.Validation;

/// <summary>
/// Checks a <see cref="DocumentContent"/> and names every broken rule by field. Amounts must add up
/// to the cent under <see cref="DocumentCalculator"/>'s rounding rule.
/// </summary>
public static partial class DocumentValidator
{
    /// <summary>Most lines one document may have.</summary>
    public const int MaxLines = 1000;

    /// <summary>Returns every broken rule; empty when the document is valid.</summary>
    /// <param name="content">The document.</param>
    public static IReadOnlyList<ValidationError> Validate(DocumentContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var errors = new List<ValidationError>();

        if (!Enum.IsDefined(content.Type))
        {
            errors.Add(new("type", "unknown-type", "The document type is not one DocSync knows."));
        }

        Text(errors, "number", content.Number, required: true, max: 64);
        if (content.Currency is null || !Currency().IsMatch(content.Currency))
        {
            errors.Add(new("currency", "currency-format", "The currency is a 3-letter upper-case ISO 4217 code, e.g. EUR."));
        }

        if (content.DueDate is { } due && due < content.IssueDate)
        {
            errors.Add(new("dueDate", "due-before-issue", "The due date cannot be before the issue date."));
        }

        Text(errors, "note", content.Note, required: false, max: 4000);
        PartyRules(errors, "seller", content.Seller, required: true);
        PartyRules(errors, "buyer", content.Buyer, required: content.Type is not (DocumentType.Receipt or DocumentType.Other));
        LineRules(errors, content);
        if (errors.Count == 0)
        {
            AmountRules(errors, content);
        }

        return errors;
    }

    private static void PartyRules(List<ValidationError> errors, string field, Party? party, bool required)
    {
        if (party is null)
        {
            if (required)
            {
                errors.Add(new(field, "required", $"The {field} is required on this type of document."));
            }

            return;
        }

        Text(errors, $"{field}.name", party.Name, required: true, max: 200);
        if (!string.IsNullOrWhiteSpace(party.VatNumber) && VatNumbers.Check(party.VatNumber, $"{field}.vatNumber") is { } vat)
        {
            errors.Add(vat);
        }

        if (!string.IsNullOrWhiteSpace(party.Iban) && Iban.Check(party.Iban, $"{field}.iban") is { } iban)
        {
            errors.Add(iban);
        }

        if (party.Address?.Country is { } country && !Country().IsMatch(country))
        {
            errors.Add(new($"{field}.address.country", "country-format", "The country is a 2-letter upper-case ISO 3166 code, e.g. BE."));
        }
    }

    private static void LineRules(List<ValidationError> errors, DocumentContent content)
    {
        if (content.Lines is null || content.VatBreakdown is null || content.Totals is null)
        {
            errors.Add(new(content.Lines is null ? "lines" : content.VatBreakdown is null ? "vatBreakdown" : "totals", "required", "This field is required."));
            return;
        }

        if (content.Lines.Count == 0 && content.Type is DocumentType.Invoice or DocumentType.CreditNote or DocumentType.PurchaseInvoice or DocumentType.PurchaseCreditNote)
        {
            errors.Add(new("lines", "required", "An invoice or credit note has at least one line."));
        }

        if (content.Lines.Count > MaxLines)
        {
            errors.Add(new("lines", "too-many", $"A document has at most {MaxLines} lines."));
            return;
        }

        for (var i = 0; i < content.Lines.Count; i++)
        {
            var line = content.Lines[i];
            var at = $"lines[{i}]";
            Text(errors, $"{at}.description", line.Description, required: true, max: 500);
            if (line.Quantity == 0)
            {
                errors.Add(new($"{at}.quantity", "zero", "The quantity cannot be zero."));
            }

            Decimals(errors, $"{at}.quantity", line.Quantity, 4);
            Decimals(errors, $"{at}.unitPrice", line.UnitPrice, 4);
            if (line.VatRate is < 0 or > 100)
            {
                errors.Add(new($"{at}.vatRate", "out-of-range", "The VAT rate is a percentage from 0 to 100."));
            }

            Decimals(errors, $"{at}.vatRate", line.VatRate, 2);
        }
    }

    private static void AmountRules(List<ValidationError> errors, DocumentContent content)
    {
        var expected = DocumentCalculator.Breakdown(content.Lines);
        var given = content.VatBreakdown;
        for (var i = 0; i < given.Count; i++)
        {
            var row = given[i];
            var at = $"vatBreakdown[{i}]";
            var match = expected.FirstOrDefault(e => e.Rate == row.Rate);
            if (match is null)
            {
                errors.Add(new($"{at}.rate", "no-such-rate", $"No line has the VAT rate {row.Rate.ToString(CultureInfo.InvariantCulture)} %."));
            }
            else if (given.Take(i).Any(g => g.Rate == row.Rate))
            {
                errors.Add(new($"{at}.rate", "duplicate-rate", "Each VAT rate appears once in the breakdown."));
            }
            else
            {
                Equal(errors, $"{at}.taxableAmount", row.TaxableAmount, match.TaxableAmount, "the sum of the line net amounts at this rate");
                Equal(errors, $"{at}.vatAmount", row.VatAmount, match.VatAmount, "the taxable amount × rate, rounded to the cent (half away from zero)");
            }
        }

        foreach (var missing in expected.Where(e => given.All(g => g.Rate != e.Rate)))
        {
            errors.Add(new("vatBreakdown", "missing-rate", $"The breakdown lacks a row for the VAT rate {missing.Rate.ToString(CultureInfo.InvariantCulture)} %."));
        }

        var totals = DocumentCalculator.Totals(expected);
        Equal(errors, "totals.totalExclVat", content.Totals.TotalExclVat, totals.TotalExclVat, "the sum of the line net amounts (quantity × unit price, each rounded to the cent)");
        Equal(errors, "totals.totalVat", content.Totals.TotalVat, totals.TotalVat, "the sum of the VAT breakdown's VAT amounts");
        Equal(errors, "totals.totalInclVat", content.Totals.TotalInclVat, totals.TotalInclVat, "total excluding VAT + total VAT");
    }

    private static void Equal(List<ValidationError> errors, string field, decimal actual, decimal expected, string rule)
    {
        if (actual != expected)
        {
            errors.Add(new(field, "amount-mismatch",
                $"Expected {expected.ToString("0.00", CultureInfo.InvariantCulture)} ({rule}), got {actual.ToString(CultureInfo.InvariantCulture)}."));
        }
    }

    private static void Decimals(List<ValidationError> errors, string field, decimal value, int decimals)
    {
        if (value != Math.Round(value, decimals))
        {
            errors.Add(new(field, "too-many-decimals", $"At most {decimals} decimals."));
        }
    }

    private static void Text(List<ValidationError> errors, string field, string? value, bool required, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(new(field, "required", "This field is required."));
            }
        }
        else if (value.Length > max)
        {
            errors.Add(new(field, "too-long", $"At most {max} characters."));
        }
        else if (value.Any(char.IsControl) && !field.Equals("note", StringComparison.Ordinal))
        {
            errors.Add(new(field, "control-characters", "Control characters are not allowed here."));
        }
    }

    [GeneratedRegex("^[A-Z]{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex Currency();

    [GeneratedRegex("^[A-Z]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex Country();
}
