using DocSync.Export.Bench;

namespace DocSync.Collect.Bench;

/// <summary>The throughput figures: one scheduled run taking every file of a freshly filled folder.</summary>
internal sealed record ThroughputResult(
    int Files,
    TimeSpan Wall,
    IReadOnlyList<FileTiming> Timings,
    RequestCounts Requests,
    long Commands,
    TimeSpan DatabaseBusy,
    TimeSpan Cpu,
    TimeSpan ToolsCpu,
    long StartRss,
    long PeakRss,
    long EmulatorPeakRss,
    IReadOnlyList<(double WallMs, double CpuMs, double ToolsMs)> Tenths,
    IReadOnlyList<string> Problems)
{
    public double FilesPerSecond => Files / Wall.TotalSeconds;

    /// <summary>Cores kept busy on average by this process and its tools.</summary>
    public double CoresBusy => (Cpu + ToolsCpu) / Wall;

    public IReadOnlyList<double> Of(SampleKind kind, Func<FileTiming, int> step) => [.. Timings.Where(t => t.Kind == kind).Select(t => (double)step(t))];

    public IReadOnlyList<double> All(Func<FileTiming, int> step) => [.. Timings.Select(t => (double)step(t))];
}
