using System.Globalization;

namespace DocSync.Bench.Common;

/// <summary>Percentiles (nearest rank) and how the benches print them.</summary>
public static class Stats
{
    /// <summary>Nearest-rank percentile (NaN for no values).</summary>
    public static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return double.NaN;
        }
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    /// <summary>"1,234 ms", or "–" for no value.</summary>
    public static string Ms(double ms) => double.IsNaN(ms) ? "–" : ms.ToString("N0", CultureInfo.InvariantCulture) + " ms";

    /// <summary>"p50 12 ms, p90 …" for the percentiles asked.</summary>
    public static string Spread(IReadOnlyCollection<double> values, params double[] percentiles) =>
        string.Join(", ", percentiles.Select(p => $"{(p == 100 ? "max" : "p" + p.ToString(CultureInfo.InvariantCulture))} {Ms(Percentile(values, p))}"));
}
