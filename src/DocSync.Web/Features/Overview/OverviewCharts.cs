using System.Globalization;
using DocSync.Core.Overview;

namespace DocSync.Web.Features.Overview;

/// <summary>The geometry of the overview's server-rendered SVG charts (the view draws it; a table beside each says the same in words).</summary>
public static class OverviewCharts
{
    /// <summary>Width of the daily chart's drawing area.</summary>
    public const int Width = 600;

    /// <summary>Height of the daily chart's drawing area.</summary>
    public const int Height = 160;

    /// <summary>One bar: where it is and what it says.</summary>
    /// <param name="X">Left edge.</param>
    /// <param name="Y">Top edge.</param>
    /// <param name="W">Width.</param>
    /// <param name="H">Height.</param>
    public sealed record Bar(double X, double Y, double W, double H)
    {
        /// <summary>A coordinate as SVG wants it (invariant culture).</summary>
        /// <param name="value">The coordinate.</param>
        public static string S(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
    }

    /// <summary>The bars per day: exported and collected side by side, scaled to the busiest day.</summary>
    /// <param name="days">The days, oldest first.</param>
    public static IReadOnlyList<(DayFigures Day, Bar Exported, Bar Collected)> Daily(IReadOnlyList<DayFigures> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var max = Math.Max(1, days.Max(d => Math.Max(d.Exported, d.Collected)));
        var slot = (double)Width / Math.Max(1, days.Count);
        var bar = Math.Max(1, (slot - 2) / 2);
        return [.. days.Select((d, i) =>
        {
            var x = i * slot + 1;
            double HeightOf(int n) => n == 0 ? 0 : Math.Max(1, Height * (double)n / max);
            var he = HeightOf(d.Exported);
            var hc = HeightOf(d.Collected);
            return (d, new Bar(x, Height - he, bar, he), new Bar(x + bar, Height - hc, bar, hc));
        })];
    }

    /// <summary>The busiest day's count (the chart's scale).</summary>
    /// <param name="days">The days.</param>
    public static int Peak(IReadOnlyList<DayFigures> days) => days is null || days.Count == 0 ? 0 : days.Max(d => Math.Max(d.Exported, d.Collected));

    /// <summary>The share of <paramref name="value"/> in <paramref name="max"/> as a width out of <paramref name="width"/>.</summary>
    /// <param name="value">The value.</param>
    /// <param name="max">The largest value.</param>
    /// <param name="width">The full width.</param>
    public static double Share(long value, long max, double width) => max <= 0 ? 0 : Math.Max(value > 0 ? 1 : 0, width * value / max);
}
