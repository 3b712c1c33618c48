using DocSync.Core.Documents;

namespace DocSync.Core.Validation;

/// <summary>
/// The rounding rule DocSync checks documents against (as EN 16931 does): each line's net amount
/// is quantity × unit price rounded to the cent; VAT is computed per rate on the sum of the line
/// nets at that rate and rounded to the cent; totals are sums of those. Rounding is half away from
/// zero (2.345 → 2.35, −2.345 → −2.35).
/// </summary>
public static class DocumentCalculator
{
    /// <summary>Rounds to the cent, half away from zero.</summary>
    /// <param name="amount">The amount.</param>
    public static decimal RoundToCent(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>A line's net amount: quantity × unit price, rounded to the cent.</summary>
    /// <param name="line">The line.</param>
    public static decimal LineNet(DocumentLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return RoundToCent(line.Quantity * line.UnitPrice);
    }

    /// <summary>The VAT breakdown of <paramref name="lines"/>, one row per rate, by ascending rate.</summary>
    /// <param name="lines">The lines.</param>
    public static IReadOnlyList<VatSubtotal> Breakdown(IEnumerable<DocumentLine> lines) =>
        lines.GroupBy(l => l.VatRate)
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var taxable = g.Sum(LineNet);
                return new VatSubtotal { Rate = g.Key, TaxableAmount = taxable, VatAmount = RoundToCent(taxable * g.Key / 100m) };
            })
            .ToList();

    /// <summary>The totals of a breakdown.</summary>
    /// <param name="breakdown">The VAT breakdown.</param>
    public static DocumentTotals Totals(IEnumerable<VatSubtotal> breakdown)
    {
        var rows = breakdown.ToList();
        var net = rows.Sum(r => r.TaxableAmount);
        var vat = rows.Sum(r => r.VatAmount);
        return new DocumentTotals { TotalExclVat = net, TotalVat = vat, TotalInclVat = net + vat };
    }

    /// <summary>Returns <paramref name="content"/> with its breakdown and totals computed from its lines.</summary>
    /// <param name="content">The document; its breakdown and totals are replaced.</param>
    public static DocumentContent Complete(DocumentContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var breakdown = Breakdown(content.Lines);
        return content with { VatBreakdown = breakdown, Totals = Totals(breakdown) };
    }
}
