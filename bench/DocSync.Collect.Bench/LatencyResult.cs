using DocSync.Export.Bench;

namespace DocSync.Collect.Bench;

/// <summary>One set of drops into a watched folder: drop (upload returned) → inbox item present, per file.</summary>
internal sealed record LatencyResult(
    string What,
    int Drops,
    IReadOnlyList<double> LatenciesMs,
    int TimedOut,
    int Runs,
    RequestCounts Requests,
    IReadOnlyList<string> Problems)
{
    public double Percentile(double p) => Stats.Percentile(LatenciesMs, p);

    /// <summary>"p50 …, p90 …, p99 …, max …".</summary>
    public string Describe() => Stats.Spread(LatenciesMs, 50, 90, 99, 100) + (TimedOut > 0 ? $", {TimedOut} never arrived" : "");
}
