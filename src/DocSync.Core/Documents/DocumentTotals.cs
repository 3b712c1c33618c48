namespace DocSync.Core.Documents;

/// <summary>A document's totals.</summary>
public sealed record DocumentTotals
{
    /// <summary>Sum of the line net amounts (excluding VAT).</summary>
    public decimal TotalExclVat { get; init; }

    /// <summary>Sum of the VAT breakdown's VAT amounts.</summary>
    public decimal TotalVat { get; init; }

    /// <summary>The total excluding VAT plus the total VAT.</summary>
    public decimal TotalInclVat { get; init; }
}
