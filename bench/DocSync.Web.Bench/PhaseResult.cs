using System.Diagnostics;

namespace DocSync.Web.Bench;

/// <summary>One phase (warm-up or measured) of all clients together.</summary>
internal sealed record PhaseResult(
    TimeSpan Elapsed,
    IReadOnlyList<CreatedDocument> Created,
    IReadOnlyList<double> SortedLatenciesMs,
    IReadOnlyDictionary<int, int> Statuses,
    int Errors,
    IReadOnlyList<string> FailureSamples)
{
    public static PhaseResult From(IReadOnlyList<ClientTally> tallies, TimeSpan elapsed)
    {
        var latencies = tallies.SelectMany(t => t.LatencyTicks).Select(t => t * 1000.0 / Stopwatch.Frequency).Order().ToList();
        var statuses = tallies.SelectMany(t => t.Statuses).GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.Sum(s => s.Value));
        return new PhaseResult(elapsed, [.. tallies.SelectMany(t => t.Created)], latencies, statuses,
            tallies.Sum(t => t.Errors), [.. tallies.SelectMany(t => t.FailureSamples).Take(5)]);
    }

    public double Throughput => Created.Count / Elapsed.TotalSeconds;

    /// <summary>Nearest-rank percentile of the request latencies, in milliseconds.</summary>
    public double Percentile(double p) => Stats.Percentile(SortedLatenciesMs, p);
}
