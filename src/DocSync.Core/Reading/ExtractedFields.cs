namespace DocSync.Core.Reading;

/// <summary>
/// The fields a bookkeeper would type from a purchase invoice, as <see cref="FieldExtractor"/> found
/// them; <see langword="null"/> for a field not found.
/// </summary>
public sealed record ExtractedFields
{
    /// <summary>No field found.</summary>
    public static ExtractedFields None { get; } = new();

    /// <summary>The supplier's name (a heuristic: low to medium confidence).</summary>
    public ExtractedField? SupplierName { get; init; }

    /// <summary>The supplier's VAT number, compact with its country prefix, e.g. <c>BE0477472701</c>.</summary>
    public ExtractedField? VatNumber { get; init; }

    /// <summary>The invoice number as printed, e.g. <c>F2025-0001</c>.</summary>
    public ExtractedField? InvoiceNumber { get; init; }

    /// <summary>The invoice date, ISO <c>yyyy-MM-dd</c>.</summary>
    public ExtractedField? InvoiceDate { get; init; }

    /// <summary>The due date, ISO <c>yyyy-MM-dd</c>.</summary>
    public ExtractedField? DueDate { get; init; }

    /// <summary>The total including VAT, an invariant decimal with two decimals, e.g. <c>1234.56</c>.</summary>
    public ExtractedField? Total { get; init; }

    /// <summary>The VAT amount, an invariant decimal with two decimals.</summary>
    public ExtractedField? VatAmount { get; init; }

    /// <summary>The IBAN to pay to, without spaces and upper-case, e.g. <c>BE68539007547034</c>; only checksum-valid IBANs.</summary>
    public ExtractedField? Iban { get; init; }

    /// <summary>The currency, an ISO 4217 code such as <c>EUR</c>.</summary>
    public ExtractedField? Currency { get; init; }
}
