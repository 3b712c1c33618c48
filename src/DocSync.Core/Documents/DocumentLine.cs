namespace DocSync.Core.Documents;

/// <summary>One line of a document.</summary>
public sealed record DocumentLine
{
    /// <summary>What is sold or bought. Required.</summary>
    public required string Description { get; init; }

    /// <summary>Quantity; may be negative (a return) but not zero. At most 4 decimals.</summary>
    public decimal Quantity { get; init; }

    /// <summary>Price of one unit, excluding VAT. At most 4 decimals.</summary>
    public decimal UnitPrice { get; init; }

    /// <summary>VAT rate in percent, e.g. 21 or 5.5; 0 to 100 with at most 2 decimals.</summary>
    public decimal VatRate { get; init; }
}
