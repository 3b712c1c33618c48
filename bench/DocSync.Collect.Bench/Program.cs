using DocSync.Collect.Bench;
using DocSync.Core.Rendering;
using DocSync.Export.Bench;
using Microsoft.Extensions.DependencyInjection;

// DocSync Collect benchmark: figures, never assertions on timings.
//   dotnet build DocSync.slnx -c Release && dotnet bench/DocSync.Collect.Bench/bin/Release/net10.0/DocSync.Collect.Bench.dll
//       [--files 1000] [--scan-percent 50] [--drops 100] [--scan-drops 10] [--settle-drops 10] [--latency-ms 25]
//       [--provider sqlite|postgresql] [--skip throughput,latency] [--quick] [--emulator PATH.dll]
// --quick: 100 files, 20 drops, 5 scan drops, 3 settle drops (explicit options still win).
// The emulator runs as a child process (memory only) with the latency injected before every /2/ request;
// DocSync.Core runs in this process on a fresh database (the export bench's host), with real tesseract and pdftoppm.
// Phases: throughput (N files, half text PDFs and half PNG scans unless --scan-percent says otherwise, one scheduled
// run through CollectWorker.RunAsync); latency (a near-real-time channel with the real CollectWorker running: text
// PDFs, then scans, dropped one at a time; then text PDFs with the shipped stable age and poll interval, where every
// drop waits for a second look).
// Exits 1 when a check fails (a file missing from the inbox, there twice, or with other bytes); timings are reported, never judged.
// `--help` lists every option with its default.
var options = BenchOptions.Parse(args, out var exit);
if (options is null)
{
    return exit;
}
if (!File.Exists(options.EmulatorDll))
{
    Console.Error.WriteLine($"Emulator not found at {options.EmulatorDll}: run `dotnet build DocSync.slnx -c Release` first or pass --emulator PATH.");
    return 2;
}

// The bench's own poll interval: how soon the worker sees a new channel, a due schedule or a recheck (longpolls do not wait for it).
var pollInterval = TimeSpan.FromMilliseconds(250);
var load = Proc.LoadAverage();
await using var emulator = await EmulatorProcess.StartAsync(options.EmulatorDll);
await emulator.SetLatencyAsync(options.LatencyMs);
var accountId = await emulator.AccountIdAsync();
var (refreshToken, _) = await emulator.GrantAsync();
await using var host = await BenchHost.StartAsync(options.Provider, emulator.BaseUri);
await host.SetUpCompanyAsync(accountId, refreshToken);
using var setup = await CollectSetup.StartAsync(host, emulator, pollInterval);
using var samples = new SampleFiles(host.Services.GetRequiredService<DocumentPdfRenderer>());
// EF Core logs a failed probe of the migrations history table on a fresh PostgreSQL database: only what comes after counts.
var startupLog = host.Log.Written;
Console.WriteLine($"emulator: {emulator.BaseUri} (child process {emulator.ProcessId}, memory only), {options.LatencyMs} ms latency per request");
Console.WriteLine($"database: {options.Provider} (fresh, migrated){(options.Quick ? "; quick mode" : "")}; {Environment.ProcessorCount} cores shared by DocSync, its OCR, the emulator, " +
                  $"the database and whatever else runs; machine load average {load} at the start");

ThroughputResult? throughput = null;
var latencies = new List<LatencyResult>();
if (options.Runs("throughput"))
{
    throughput = await ThroughputPhase.RunAsync(host, emulator, setup, samples, options.Files, options.ScanPercent);
}
if (options.Runs("latency"))
{
    Console.WriteLine();
    Console.WriteLine($"== latency: a near-real-time channel on {LatencyPhase.Folder}, the real CollectWorker running");
    await using var worker = new WorkerRunner(host.Services);
    var phase = new LatencyPhase(host, setup, worker);
    await phase.WatchAsync();
    latencies.Add(await phase.DropAsync("text PDFs", [.. Enumerable.Range(0, options.Drops).Select(i => samples.TextPdf("L", i))]));
    if (options.ScanDrops > 0)
    {
        var scans = new List<SampleFile>();
        for (var i = 0; i < options.ScanDrops; i++)
        {
            scans.Add(await samples.ScanAsync("S", i));
        }
        latencies.Add(await phase.DropAsync("PNG scans (OCR)", scans));
    }
    if (options.SettleDrops > 0)
    {
        // As shipped: a file changed under a minute ago waits for a second look (recheck delay), which the worker's poll starts.
        var shipped = new DocSync.Core.Collect.CollectOptions();
        setup.Options.StableAge = shipped.StableAge;
        setup.Options.PollInterval = shipped.PollInterval;
        latencies.Add(await phase.DropAsync("text PDFs, shipped stable age and poll interval", [.. Enumerable.Range(0, options.SettleDrops).Select(i => samples.TextPdf("W", i))]));
    }
}

Summary.Print(options, load, throughput, latencies);
if (host.Log.Written > startupLog)
{
    Console.WriteLine($"{host.Log.Written - startupLog} warnings or errors were logged (above, on stderr).");
}
var failed = (throughput?.Problems.Count ?? 0) + latencies.Sum(l => l.Problems.Count) > 0;
return failed ? 1 : 0;
