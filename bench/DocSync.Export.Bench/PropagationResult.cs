namespace DocSync.Export.Bench;

/// <summary>The propagation figures: from a saved edit to its PDF's new revision in Dropbox.</summary>
internal sealed record PropagationResult(IReadOnlyList<double> LatenciesMs, int Edits, int TimedOut, RequestCounts Requests, IReadOnlyList<double> UpdateMs)
{
    /// <summary>Nearest-rank percentile of the latencies, in ms.</summary>
    public double Percentile(double p) => Stats.Percentile(LatenciesMs, p);

    public static double Percentile(IReadOnlyList<double> values, double p) => Stats.Percentile(values, p);
}
