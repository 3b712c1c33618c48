namespace DocSync.Export.Bench;

/// <summary>The figures of every phase that ran, as markdown rows ready for the README, next to the goals.</summary>
internal static class Summary
{
    public static void Print(BenchOptions options, BackfillResult? backfill, BaselineResult? baseline, PropagationResult? propagation, IdleResult? idle)
    {
        var provider = options.Provider == "sqlite" ? "SQLite" : "PostgreSQL";
        Console.WriteLine();
        Console.WriteLine("== summary");
        Console.WriteLine($"| export engine, {provider}, {options.LatencyMs} ms latency per request, emulator in its own process, {Environment.ProcessorCount} cores | figure | goal |");
        Console.WriteLine("|---|---|---|");
        if (backfill is not null)
        {
            Row($"backfill: {backfill.Documents:N0} documents → {backfill.Files:N0} files (SyncWorker, {backfill.Spent.Rounds} rounds)",
                $"{backfill.Wall.TotalSeconds:F1} s, {backfill.Spent.Requests.Total:N0} requests, {backfill.FilesPerSecond:F0} files/s, emulator CPU {backfill.Spent.EmulatorCpu.TotalSeconds:F0} s", "");
            Row("peak RSS during the backfill: DocSync / emulator", $"{Proc.Mib(backfill.PeakRss)} / {Proc.Mib(backfill.EmulatorPeakRss)}", "");
        }
        if (baseline is not null)
        {
            var single = baseline.OnePerFile;
            var batch = baseline.BatchAlone;
            Row($"baseline: one files/upload per file, {baseline.Parallelism} at once", Upload(single), "");
            Row($"the same files through UploadBatchAsync alone, {baseline.FilesPerCall:N0} per call (no engine, no database)", Upload(batch), "");
            if (backfill is not null)
            {
                Row("backfill against the baseline",
                    $"{single.Wall / backfill.Wall:F1}× faster, {(double)single.Requests.Total / Math.Max(1, backfill.Spent.Requests.Total):F0}× fewer requests",
                    "≥ 10× faster");
            }
            Row("UploadBatchAsync alone against the baseline", $"{single.Wall / batch.Wall:F1}× faster", "");
            Row($"the floor: the same bytes in memory, {FloorUpload.PerPack} per start_batch + append_batch, {FloorUpload.InFlight} at once, finish_batch_v2 per {FloorUpload.PerCommit}", Upload(baseline.Floor), "");
            if (backfill is not null)
            {
                Row("backfill against the floor (same run)", $"{backfill.Wall.TotalSeconds:F1} s / {baseline.Floor.Wall.TotalSeconds:F1} s = {backfill.Wall / baseline.Floor.Wall:F2}×", "≤ 1.5×");
            }
        }
        if (propagation is not null)
        {
            Row($"propagation of a single edit ({propagation.Edits} edits, saved → new PDF rev in Dropbox)",
                $"p50 {Ms(propagation.Percentile(50))}, p90 {Ms(propagation.Percentile(90))}, p99 {Ms(propagation.Percentile(99))}, max {Ms(propagation.Percentile(100))}" +
                (propagation.TimedOut > 0 ? $", {propagation.TimedOut} never arrived" : ""),
                "p50 ≤ 1 s, p99 ≤ 5 s");
        }
        if (idle is not null)
        {
            Row($"idle cycle with {idle.ExportedDocuments:N0} exported documents ({idle.Cycles:F0} cycles over {idle.Wall.TotalSeconds:F0} s)",
                $"{idle.RequestsPerCycle:F2} requests, {idle.CommandsPerCycle:F1} database commands, {idle.CpuMsPerCycle:F1} ms CPU per cycle", "≤ 1 request");
        }
    }

    private static void Row(string what, string figure, string goal) => Console.WriteLine($"| {what} | {figure} | {goal} |");

    private static string Upload(UploadRun run) =>
        $"{run.Wall.TotalSeconds:F1} s, {run.Requests.Total:N0} requests, {run.FilesPerSecond:F0} files/s, emulator CPU {run.EmulatorCpu.TotalSeconds:F0} s";

    private static string Ms(double ms) => Stats.Ms(ms);
}
