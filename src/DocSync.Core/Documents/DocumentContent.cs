namespace DocSync.Core.Documents;

// DocumentValidator checks it; DocumentCalculator computes the breakdown and totals.

/// <summary>
/// Everything a document says: type, number, dates, parties, lines, VAT breakdown and totals. Each
/// version of a document keeps its own copy, unchanged.
/// </summary>
public sealed record DocumentContent
{
    /// <summary>The kind of document.</summary>
    public DocumentType Type { get; init; }

    /// <summary>The document's number, e.g. <c>2025-0042</c>. Required, at most 64 characters.</summary>
    public required string Number { get; init; }

    /// <summary>Date of issue.</summary>
    public DateOnly IssueDate { get; init; }

    /// <summary>Payment due date; not before the issue date.</summary>
    public DateOnly? DueDate { get; init; }

    /// <summary>ISO 4217 currency code, e.g. <c>EUR</c>.</summary>
    public required string Currency { get; init; }

    /// <summary>Who sells (for a purchase invoice: the supplier). Required.</summary>
    public required Party Seller { get; init; }

    /// <summary>Who buys. Required except on receipts and "other" documents.</summary>
    public Party? Buyer { get; init; }

    /// <summary>The lines.</summary>
    public IReadOnlyList<DocumentLine> Lines { get; init; } = [];

    /// <summary>One row per VAT rate used by the lines.</summary>
    public IReadOnlyList<VatSubtotal> VatBreakdown { get; init; } = [];

    /// <summary>The totals.</summary>
    public required DocumentTotals Totals { get; init; }

    /// <summary>Free text shown on the document (payment terms, structured reference…).</summary>
    public string? Note { get; init; }
}
