using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DocSync.Core.Collect;
using DocSync.Core.Organizing;
using DocSync.Core.Reading;
using DocSync.Dropbox;
using DocSync.Export.Bench;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DocSync.Collect.Bench;

/// <summary>
/// N files (half text PDFs, half scans) uploaded to a folder of Alice's Dropbox (generation and upload
/// timed apart), a channel on it, then one scheduled run through
/// <see cref="CollectWorker.RunAsync(Guid, Guid, CollectTrigger, Guid?, CancellationToken)"/>, timed:
/// its wall time, its requests and database commands (and which), the process's CPU and peak RSS, and
/// the runner's own split of each file's time (download, read, store) from <c>CollectionRunFiles</c>.
/// Checked: the inbox holds exactly one item per file, with the uploaded bytes.
/// </summary>
internal static class ThroughputPhase
{
    public const string Folder = "/Collect/Batch";

    private static readonly JsonSerializerOptions FieldsJson = new(JsonSerializerDefaults.Web);

    public static async Task<ThroughputResult> RunAsync(BenchHost host, EmulatorProcess emulator, CollectSetup setup, SampleFiles samples, int count, int scanPercent)
    {
        Console.WriteLine();
        Console.WriteLine($"== throughput: {count} files ({count - (count * scanPercent / 100)} text PDFs, {count * scanPercent / 100} scans) in {Folder}, one scheduled run");
        var expected = await DropAsync(setup, samples, count, scanPercent);
        var channelId = await setup.CreateChannelAsync("Batch drop", Folder, nearRealTime: false);

        // The files' bytes are gone (DropAsync kept their hashes): DocSync's memory is measured without them.
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();

        var pid = Environment.ProcessId;
        Proc.ResetPeak(pid);
        emulator.ResetPeak();
        var startRss = Proc.Rss(pid);
        var loadBefore = Proc.LoadAverage();
        host.Commands.TakeStatements();
        host.Commands.Recording = true;
        var requestsBefore = host.Dropbox.Snapshot();
        var commandsBefore = host.Commands.Count;
        var busyBefore = host.Commands.Clock.Busy;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var toolsBefore = ChildCpu.Total();
        var progress = new ProgressSampler(host.Dropbox);
        var clock = Stopwatch.StartNew();
        var run = await host.Services.GetRequiredService<CollectWorker>().RunAsync(host.CompanyId, channelId, CollectTrigger.Scheduled, null, CancellationToken.None);
        var wall = clock.Elapsed;
        var tenths = await progress.StopAsync(count);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var tools = ChildCpu.Total() - toolsBefore;
        var requests = host.Dropbox.Snapshot() - requestsBefore;
        var commands = host.Commands.Count - commandsBefore;
        var busy = host.Commands.Clock.Busy - busyBefore;
        host.Commands.Recording = false;
        var statements = host.Commands.TakeStatements();
        var peakRss = Proc.PeakRss(pid);
        var emulatorPeak = emulator.PeakRssBytes;

        var problems = new List<string>();
        if (run is null)
        {
            problems.Add("the run did not start (another run held the channel, or the connection is not active)");
            return new ThroughputResult(count, wall, [], requests, commands, busy, cpu, tools, startRss, peakRss, emulatorPeak, tenths, problems);
        }
        if (run.Outcome != CollectRunOutcome.Completed || run.Collected != count || run.Failed + run.Skipped + run.Waiting > 0)
        {
            problems.Add($"the run ended {run.Outcome} ({run.Problem}): {run.Seen} seen, {run.Collected} collected, {run.Skipped} skipped, {run.Failed} failed, {run.Waiting} waiting");
        }
        var rows = await host.QueryAsync(db => db.CollectionRunFiles.AsNoTracking().Where(f => f.RunId == run.Id).OrderBy(f => f.Id).ToListAsync());
        var timings = Timings(rows);
        foreach (var row in rows.Where(r => r.Result != CollectFileResult.Collected).Take(5))
        {
            problems.Add($"{row.Path}: {row.Result} {row.Reason} {row.Detail}");
        }
        var items = await host.QueryAsync(db => db.InboxItems.AsNoTracking().Where(i => i.Source == InboxSource.Collect)
            .Select(i => new { i.Sha256, i.ReadMethod, i.ReadState, i.FieldsJson }).ToListAsync());
        CheckInbox(expected, items.Select(i => i.Sha256).ToList(), problems);

        var result = new ThroughputResult(count, wall, timings, requests, commands, busy, cpu, tools, startRss, peakRss, emulatorPeak, tenths, problems);
        Console.WriteLine($"run                 {wall.TotalSeconds:F1} s wall, {result.FilesPerSecond:F2} files/s; CPU {cpu.TotalSeconds:F1} s in this process, " +
                          $"{tools.TotalSeconds:F1} s in its tools (tesseract, pdftoppm): {result.CoresBusy:F2} cores busy on average of {Environment.ProcessorCount}");
        foreach (var kind in new[] { SampleKind.TextPdf, SampleKind.Scan })
        {
            var label = kind == SampleKind.TextPdf ? "text PDFs" : "scans";
            var n = timings.Count(t => t.Kind == kind);
            if (n == 0)
            {
                continue;
            }
            Console.WriteLine($"  {label,-9} {n,5} files: download {Step(result, kind, t => t.DownloadMs)}");
            Console.WriteLine($"  {"",-9} {"",5}        read     {Step(result, kind, t => t.ReadMs)}");
            Console.WriteLine($"  {"",-9} {"",5}        store    {Step(result, kind, t => t.StoreMs)}");
            var read = items.Where(i => expected.TryGetValue(i.Sha256, out var f) && f.Kind == kind).ToList();
            var numbers = read.Count(i => expected[i.Sha256].Number == NumberRead(i.FieldsJson));
            var methods = string.Join(", ", read.GroupBy(i => $"{i.ReadMethod}/{i.ReadState}").Select(g => $"{g.Key} {g.Count()}"));
            Console.WriteLine($"  {"",-9} {"",5}        reading  {methods}; invoice number read right on {numbers} of {read.Count}");
        }
        var accounted = timings.Sum(t => (long)t.TotalMs);
        Console.WriteLine($"  outside the three {Stats.Ms(wall.TotalMilliseconds - accounted)} in all, {Stats.Ms((wall.TotalMilliseconds - accounted) / Math.Max(1, count))} per file " +
                          "(listing, the ledger's save, lease renewals, temporary files…)");
        Console.WriteLine($"  by tenth of run   wall ms per file  {Row(tenths.Select(t => t.WallMs))}");
        Console.WriteLine($"                    CPU ms per file   {Row(tenths.Select(t => t.CpuMs))} (this process)");
        Console.WriteLine($"                                      {Row(tenths.Select(t => t.ToolsMs))} (its tools)");
        Console.WriteLine($"Dropbox requests    {requests.Total} ({(double)requests.Total / count:F2} per file: {requests.Describe()})");
        Console.WriteLine($"request times       {requests.DescribeTimes()} (average)");
        Console.WriteLine($"database commands   {commands} ({(double)commands / count:F1} per file), {busy.TotalSeconds:F1} s with one under way ({busy.TotalMilliseconds / count:F1} ms per file):");
        foreach (var (statement, n) in statements.Take(15))
        {
            Console.WriteLine($"  {n,6} x {statement}");
        }
        if (statements.Count > 15)
        {
            Console.WriteLine($"  {statements.Skip(15).Sum(s => s.Count),6} x (the {statements.Count - 15} other statements)");
        }
        Console.WriteLine($"memory              peak RSS of this process {Proc.Mib(peakRss)} ({Proc.Mib(startRss)} before the run), emulator {Proc.Mib(emulatorPeak)}");
        Console.WriteLine($"machine             load average {loadBefore} before, {Proc.LoadAverage()} after; reading: {Reading(host)}");
        Console.WriteLine(problems.Count == 0
            ? $"check               the inbox holds exactly {count} items, one per file, each with the uploaded bytes (SHA-256)"
            : "check               FAILED:" + string.Concat(problems.Select(p => Environment.NewLine + "  " + p)));
        return result;
    }

    /// <summary>Makes the files and uploads them (each timed apart); returns them by SHA-256, without their bytes.</summary>
    private static async Task<Dictionary<string, SampleFile>> DropAsync(CollectSetup setup, SampleFiles samples, int count, int scanPercent)
    {
        var clock = Stopwatch.StartNew();
        var files = await samples.MixAsync("B", count, scanPercent);
        Console.WriteLine($"generation          {clock.Elapsed.TotalSeconds:F1} s (not timed with the run): text PDFs {Kb(files, SampleKind.TextPdf)}, " +
                          $"scans {Kb(files, SampleKind.Scan)} (each its own invoice rasterised by pdftoppm -r 150 -png, none shared)");

        clock.Restart();
        var uploaded = await setup.Alice.UploadBatchAsync([.. files.Select(f => BatchUploadItem.FromBytes($"{Folder}/{f.Name}", f.Content))]);
        if (uploaded.FirstOrDefault(u => u.Metadata is null) is { } failed)
        {
            throw new InvalidOperationException($"Uploading {failed.Path} failed: {failed.ErrorTag}");
        }
        Console.WriteLine($"upload              {clock.Elapsed.TotalSeconds:F1} s (Alice's UploadBatchAsync, not DocSync's, not counted)");
        return files.ToDictionary(f => f.Sha256, f => f with { Content = [] }, StringComparer.Ordinal);
    }

    private static List<FileTiming> Timings(List<CollectionRunFile> rows) =>
    [
        .. rows.Where(r => r.Result == CollectFileResult.Collected).Select(r =>
            new FileTiming(r.Path.EndsWith(".png", StringComparison.Ordinal) ? SampleKind.Scan : SampleKind.TextPdf, r.DownloadMs, r.ReadMs, r.StoreMs)),
    ];

    private static void CheckInbox(Dictionary<string, SampleFile> expected, List<string> hashes, List<string> problems)
    {
        if (hashes.Count != expected.Count)
        {
            problems.Add($"the inbox holds {hashes.Count} items, not {expected.Count}");
        }
        var twice = hashes.GroupBy(h => h, StringComparer.Ordinal).Where(g => g.Count() > 1).ToList();
        if (twice.Count > 0)
        {
            problems.Add($"{twice.Count} files are in the inbox more than once");
        }
        var missing = expected.Keys.Except(hashes, StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            problems.Add($"{missing.Count} files are not in the inbox with their bytes, e.g. {expected[missing[0]].Name}");
        }
        var strangers = hashes.Except(expected.Keys, StringComparer.Ordinal).Count();
        if (strangers > 0)
        {
            problems.Add($"{strangers} inbox items hold bytes that were never uploaded");
        }
    }

    private static string Step(ThroughputResult result, SampleKind kind, Func<FileTiming, int> step)
    {
        var values = result.Of(kind, step);
        return $"{Stats.Ms(values.Sum()),10} in all, mean {Stats.Ms(values.Count == 0 ? double.NaN : values.Average())}, {Stats.Spread(values, 50, 95, 100)}";
    }

    private static string Row(IEnumerable<double> values) => string.Join(" ", values.Select(v => v.ToString("F0", CultureInfo.InvariantCulture).PadLeft(6)));

    private static string? NumberRead(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<ExtractedFields>(json, FieldsJson)?.InvoiceNumber?.Value;

    private static string Reading(BenchHost host)
    {
        var o = host.Services.GetRequiredService<IOptions<ReadingOptions>>().Value;
        return $"tesseract -l {o.Languages}, {o.MaxConcurrency} tools at once per reader, PDF pages rendered at {o.Dpi} dpi";
    }

    private static string Kb(IEnumerable<SampleFile> files, SampleKind kind)
    {
        var sizes = files.Where(f => f.Kind == kind).Select(f => f.Content.Length / 1024.0).ToList();
        return sizes.Count == 0 ? "none" : $"{sizes.Average():F0} KiB on average ({sizes.Min():F0}–{sizes.Max():F0})";
    }
}
