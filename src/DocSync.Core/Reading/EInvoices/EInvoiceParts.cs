using System.Globalization;
using DocSync.Core.Documents;
using DocSync.Core.Validation;

namespace DocSync.Core.Reading.EInvoices;

/// <summary>What a UBL or CII reader found, before it is made into a <see cref="DocumentContent"/> by <see cref="Assemble"/>.</summary>
internal sealed class EInvoiceParts
{
    public bool IsCreditNote { get; init; }

    public string? Number { get; init; }

    public DateOnly? IssueDate { get; init; }

    public DateOnly? DueDate { get; init; }

    public string? Currency { get; init; }

    public string? Note { get; init; }

    public required PartyParts Seller { get; init; }

    public PartyParts? Buyer { get; init; }

    public string? SellerIban { get; init; }

    public List<LineParts> Lines { get; } = [];

    /// <summary>Document-level allowances (negative) and charges (positive).</summary>
    public List<LineParts> AllowancesAndCharges { get; } = [];

    public decimal? StatedTotal { get; init; }

    /// <summary>The content, with totals computed; what could not be carried over goes to <paramref name="notes"/>.</summary>
    public DocumentContent Assemble(List<string> notes)
    {
        var lines = Lines.Select(l => Line(l, notes)).Concat(AllowancesAndCharges.Select(l => Line(l, notes))).ToList();
        var content = DocumentCalculator.Complete(new DocumentContent
        {
            Type = IsCreditNote ? DocumentType.CreditNote : DocumentType.Invoice,
            Number = Number ?? "",
            IssueDate = IssueDate ?? default,
            DueDate = DueDate,
            Currency = (Currency ?? "").ToUpperInvariant(),
            Seller = MakeParty("seller", Seller, SellerIban, notes) ?? new Party { Name = "" },
            Buyer = Buyer is null ? null : MakeParty("buyer", Buyer, null, notes),
            Lines = lines,
            Totals = new DocumentTotals(),
            Note = Note,
        });
        if (StatedTotal is { } stated && stated != content.Totals.TotalInclVat)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"The invoice states a total of {stated:0.00}; its lines, computed as DocSync computes (VAT per rate, rounded to the cent), give {content.Totals.TotalInclVat:0.00}."));
        }

        return content;
    }

    private static DocumentLine Line(LineParts line, List<string> notes)
    {
        var quantity = line.Quantity ?? 1m;
        var price = line.UnitPrice ?? 0m;
        var net = line.Net ?? DocumentCalculator.RoundToCent(quantity * price);
        var description = string.IsNullOrWhiteSpace(line.Description) ? "—" : line.Description.Trim();
        var exact = quantity != 0 && decimal.Round(quantity, 4) == quantity && decimal.Round(price, 4) == price
            && DocumentCalculator.RoundToCent(quantity * price) == net;
        if (!exact)
        {
            // Line allowances, a base quantity or more decimals than DocSync keeps: the line keeps its net amount.
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"Line '{description}' ({quantity:0.####} × {price:0.####}) is kept as 1 × {net:0.00}, its net amount."));
            description = string.Create(CultureInfo.InvariantCulture, $"{description} ({quantity:0.####} × {price:0.####})");
            quantity = 1m;
            price = net;
        }

        return new DocumentLine { Description = description, Quantity = quantity, UnitPrice = price, VatRate = line.VatRate ?? 0m };
    }

    private static Party? MakeParty(string role, PartyParts party, string? iban, List<string> notes)
    {
        var vat = party.VatNumber;
        if (vat is not null && VatNumbers.Check(vat, role) is not null)
        {
            notes.Add($"The {role}'s VAT number '{vat}' fails its format or check digits; it was left out.");
            vat = null;
        }

        if (iban is not null && Iban.Check(iban, role) is not null)
        {
            notes.Add($"The {role}'s IBAN '{iban}' fails its check digits; it was left out.");
            iban = null;
        }

        var address = party.Street is null && party.PostalCode is null && party.City is null && party.Country is null
            ? null
            : new PostalAddress { Street = party.Street, PostalCode = party.PostalCode, City = party.City, Country = party.Country?.ToUpperInvariant() };
        return new Party { Name = party.Name ?? "", VatNumber = vat is null ? null : VatNumbers.Normalize(vat), Address = address, Iban = iban is null ? null : Validation.Iban.Normalize(iban) };
    }

    /// <summary>Parses an <c>xs:decimal</c>; <see langword="null"/> when absent or malformed.</summary>
    public static decimal? ParseDecimal(string? text) =>
        !string.IsNullOrWhiteSpace(text)
        && decimal.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    /// <summary>Collapses whitespace; <see langword="null"/> when blank.</summary>
    public static string? Clean(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>A party as an e-invoice gives it.</summary>
internal sealed record PartyParts(string? Name, string? VatNumber, string? Street, string? PostalCode, string? City, string? Country);

/// <summary>A line (or a document-level allowance or charge) as an e-invoice gives it.</summary>
internal sealed record LineParts(string? Description, decimal? Quantity, decimal? UnitPrice, decimal? Net, decimal? VatRate);
