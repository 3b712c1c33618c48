using DocSync.Export.Bench;

namespace DocSync.Collect.Bench;

/// <summary>The figures of every phase that ran, as markdown rows ready for the README.</summary>
internal static class Summary
{
    public static void Print(BenchOptions options, string load, ThroughputResult? throughput, IReadOnlyList<LatencyResult> latencies)
    {
        var provider = options.Provider == "sqlite" ? "SQLite" : "PostgreSQL";
        Console.WriteLine();
        Console.WriteLine("== summary");
        Console.WriteLine($"| Collect, {provider}, {options.LatencyMs} ms latency per request, emulator in its own process, {Environment.ProcessorCount} cores (load average {load} at the start) | figure |");
        Console.WriteLine("|---|---|");
        if (throughput is not null)
        {
            var t = throughput;
            Row($"one scheduled run over {t.Files:N0} new files ({t.Timings.Count(x => x.Kind == SampleKind.TextPdf):N0} text PDFs, {t.Timings.Count(x => x.Kind == SampleKind.Scan):N0} PNG scans at 150 dpi)",
                $"{t.Wall.TotalSeconds:F1} s, {t.FilesPerSecond:F2} files/s, {t.Requests.Total:N0} requests, {t.Commands:N0} database commands ({(double)t.Commands / t.Files:F1} per file)");
            foreach (var kind in new[] { SampleKind.TextPdf, SampleKind.Scan })
            {
                var n = t.Timings.Count(x => x.Kind == kind);
                if (n == 0)
                {
                    continue;
                }
                Row($"per {(kind == SampleKind.TextPdf ? "text PDF" : "scan")} ({n}): download / read / store, mean (p95)",
                    $"{Mean(t.Of(kind, x => x.DownloadMs))} ({Stats.Ms(Stats.Percentile(t.Of(kind, x => x.DownloadMs), 95))}) / " +
                    $"{Mean(t.Of(kind, x => x.ReadMs))} ({Stats.Ms(Stats.Percentile(t.Of(kind, x => x.ReadMs), 95))}) / " +
                    $"{Mean(t.Of(kind, x => x.StoreMs))} ({Stats.Ms(Stats.Percentile(t.Of(kind, x => x.StoreMs), 95))})");
            }
            var outside = t.Wall.TotalMilliseconds - t.Timings.Sum(x => (double)x.TotalMs);
            Row("per file outside download, read and store (ledger, run rows, listing, lease)", Stats.Ms(outside / t.Files));
            Row("cores kept busy by DocSync and its tools (tesseract, pdftoppm)", $"{t.CoresBusy:F2} of {Environment.ProcessorCount}");
            if (t.Tenths.Count == 10 && t.Files >= 500)
            {
                // The first tenth carries the JIT's warm-up: the second is the fair start. Under 500 files the warm-up blurs it all.
                Row("CPU of DocSync's process per file (tools apart), second tenth of the run → last tenth", $"{Stats.Ms(t.Tenths[1].CpuMs)} → {Stats.Ms(t.Tenths[9].CpuMs)}");
            }
            Row("peak RSS during the run: DocSync / emulator", $"{Proc.Mib(t.PeakRss)} ({Proc.Mib(t.StartRss)} before) / {Proc.Mib(t.EmulatorPeakRss)}");
        }
        foreach (var latency in latencies)
        {
            Row($"near real time, {latency.What} ({latency.Drops} drops one at a time; upload returned → in the inbox)", latency.Describe());
        }
    }

    private static void Row(string what, string figure) => Console.WriteLine($"| {what} | {figure} |");

    private static string Mean(IReadOnlyList<double> values) => Stats.Ms(values.Count == 0 ? double.NaN : values.Average());
}
