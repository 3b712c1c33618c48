namespace DocSync.Export.Bench;

/// <summary>The propagation figures: from a saved edit to its PDF's new revision in Dropbox.</summary>
internal sealed record PropagationResult(IReadOnlyList<double> LatenciesMs, int Edits, int TimedOut, RequestCounts Requests, IReadOnlyList<double> UpdateMs)
{
    /// <summary>Nearest-rank percentile of the latencies, in ms.</summary>
    public double Percentile(double p) => Percentile(LatenciesMs, p);

    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
