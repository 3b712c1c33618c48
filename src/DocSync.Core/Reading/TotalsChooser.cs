using System.Globalization;

namespace DocSync.Core.Reading;

/// <summary>
/// Chooses the total and the VAT amount. The total is the largest amount after a total label
/// ("Total incl. VAT", "Total TTC", "Te betalen", or plain "Total"); the VAT amount one after a VAT
/// label that is less than the total. When an amount in the text plus the VAT makes the total (to
/// the cent), both are taken as cross-checked: that VAT amount wins, and both get high confidence.
/// </summary>
internal static class TotalsChooser
{
    public static (Candidate<FoundAmount>? Total, ExtractedField? TotalField, ExtractedField? VatField) Choose(LabelledValues values, ExtractionText text)
    {
        var total = values.Totals
            .OrderByDescending(c => c.Value.Value)
            .ThenByDescending(c => c.Strong)
            .FirstOrDefault();
        var vats = values.VatAmounts.Where(v => total is null || v.Value.Value < total.Value.Value).ToList();
        if (total is null)
        {
            var alone = Best(vats);
            return (null, null, alone is null ? null : Field(alone.Value.Value, alone.Confidence));
        }

        // Any amount in the text may be the net; so may the labelled nets of each rate added up.
        var t = total.Value.Value;
        var nets = values.Nets.Select(n => n.Value.Value)
            .Concat(Enumerable.Range(0, text.Count).SelectMany(text.Amounts).Select(a => a.Value))
            .Append(values.Nets.Select(n => n.Value.Value).Distinct().Sum())
            .Where(n => n > 0 && n < t)
            .ToHashSet();

        // The cross-check: net + VAT = total, with one VAT line, or with the VAT lines of each rate added up.
        var checkedVat = vats.OrderByDescending(v => v.Strong).FirstOrDefault(v => nets.Contains(t - v.Value.Value));
        if (checkedVat is not null)
        {
            return (total, Field(t, 0.95), Field(checkedVat.Value.Value, 0.95));
        }

        var sum = vats.Where(v => !v.Strong).Select(v => v.Value.Value).Distinct().Sum();
        if (vats.Count(v => !v.Strong) > 1 && sum < t && nets.Contains(t - sum))
        {
            return (total, Field(t, 0.9), Field(sum, 0.85));
        }

        var vat = Best(vats);
        return (total, Field(t, total.Strong ? 0.7 : 0.6), vat is null ? null : Field(vat.Value.Value, vat.Confidence));
    }

    private static Candidate<FoundAmount>? Best(List<Candidate<FoundAmount>> vats) =>
        vats.OrderByDescending(v => v.Strong).ThenByDescending(v => v.Value.Value).FirstOrDefault();

    private static ExtractedField Field(decimal amount, double confidence) =>
        new(amount.ToString("0.00", CultureInfo.InvariantCulture), confidence);
}
