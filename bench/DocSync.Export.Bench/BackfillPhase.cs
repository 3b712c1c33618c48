using System.Diagnostics;
using DocSync.Core.Export;
using DocSync.Core.Export.Ubl;
using Microsoft.EntityFrameworkCore;

namespace DocSync.Export.Bench;

/// <summary>
/// Seeds documents through <c>DocumentService</c> (timed apart), then creates the export profile
/// (which queues the backfill and wakes the worker) and waits, event by event, until the profile's
/// queue is empty; then checks that the emulator holds exactly the files DocSync recorded.
/// </summary>
internal static class BackfillPhase
{
    public static async Task<BackfillResult> RunAsync(BenchHost host, EmulatorProcess emulator, WorkerRunner worker, int documents)
    {
        Console.WriteLine();
        Console.WriteLine($"== backfill: {documents} documents (invoices and 1 in 5 credit notes), PDF + UBL each");
        var (_, pdfBytes, seeding) = await DocumentSeeder.CreateAsync(host, documents, "");
        await DocumentSeeder.DrainOutboxAsync(host);
        Console.WriteLine($"seeding             {seeding.TotalSeconds:F1} s through DocumentService.CreateAsync ({documents / seeding.TotalSeconds:F0} docs/s, PDFs rendered by DocSync, {pdfBytes / documents / 1024.0:F1} KiB average); not part of the backfill");

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var rssBefore = Proc.Rss(Environment.ProcessId);
        Proc.ResetPeak(Environment.ProcessId);
        emulator.ResetPeak();
        host.Commands.TakeStatements();
        host.Commands.Recording = true;
        var before = Tally.Take(host, emulator, worker);
        var loadBefore = Proc.LoadAverage();
        var watch = Stopwatch.StartNew();
        var profileId = await host.CreateProfileAsync();
        var queued = watch.Elapsed;
        var pending = await WaitUntilExportedAsync(host, worker, profileId, TimeSpan.FromHours(1));
        var wall = watch.Elapsed;
        var spent = Tally.Take(host, emulator, worker) - before;
        host.Commands.Recording = false;
        var statements = host.Commands.TakeStatements();
        var peak = Proc.PeakRss(Environment.ProcessId);
        var emulatorPeak = emulator.PeakRssBytes;

        var problems = await CheckAsync(host, emulator, profileId, documents);
        if (pending > 0)
        {
            problems.Insert(0, $"{pending} documents were still queued after an hour.");
        }
        var loadAfter = Proc.LoadAverage();
        var files = await host.QueryAsync(db => db.ExportedFiles.CountAsync(f => f.ProfileId == profileId));
        var ublMs = await UblCostAsync(host, profileId);
        var requests = spent.Requests;
        Console.WriteLine($"engine              SyncWorker.RunAsync in the background (as DocSync.Web hosts it), ExportOptions defaults: {spent.Rounds} rounds of up to 500 documents");
        Console.WriteLine($"wall time           {wall.TotalSeconds:F1} s (creating the profile and queueing {documents} tasks: {queued.TotalSeconds:F1} s of it)");
        Console.WriteLine($"files               {files} in Dropbox ({files / wall.TotalSeconds:F0} files/s, {documents / wall.TotalSeconds:F0} documents/s)");
        Console.WriteLine($"Dropbox requests    {requests.Total} ({requests.Describe()}); 429s {requests.Status(429)}, 5xx {requests.Statuses.Where(s => s.Key >= 500).Sum(s => s.Value)}");
        Console.WriteLine($"request times       {requests.DescribeTimes()} (average, injected latency included)");
        Console.WriteLine($"database commands   {spent.Commands} ({(double)spent.Commands / Math.Max(1, spent.Rounds):F0} per round; the most frequent:)");
        foreach (var (statement, count) in statements.Take(6))
        {
            Console.WriteLine($"  {count,6} x {statement}");
        }
        Console.WriteLine($"time spent          waiting on Dropbox {spent.DropboxBusy.TotalSeconds:F1} s, on the database {spent.DatabaseBusy.TotalSeconds:F1} s, the rest {(wall - spent.DropboxBusy - spent.DatabaseBusy).TotalSeconds:F1} s (the engine computing: loading, planning, UBL, hashing, or waiting for a core); {(wall / Math.Max(1, spent.Rounds)).TotalSeconds:F2} s per round");
        Console.WriteLine($"UBL writer          {ublMs:F2} ms per document alone, single-threaded (so {ublMs * documents / 1000:F1} s of the backfill's CPU)");
        Console.WriteLine($"DocSync peak RSS    {Proc.Mib(peak)} (bench process: Core, database client, worker; {Proc.Mib(rssBefore)} before the backfill)");
        Console.WriteLine($"emulator peak RSS   {Proc.Mib(emulatorPeak)} (separate process, holding every file in memory)");
        Console.WriteLine($"CPU                 DocSync {spent.Cpu.TotalSeconds:F1} s ({spent.Cpu / wall:F2} cores), emulator {spent.EmulatorCpu.TotalSeconds:F1} s ({spent.EmulatorCpu / wall:F2} cores); {Environment.ProcessorCount} cores, machine load average {loadBefore} before, {loadAfter} after");
        Console.WriteLine(problems.Count == 0
            ? $"check               the emulator holds exactly the {files} files DocSync recorded (paths, revs, content hashes); no task failed; backfill marked complete"
            : $"check               {problems.Count} problems");
        foreach (var problem in problems.Take(10))
        {
            Console.WriteLine("ERROR: " + problem);
        }
        return new BackfillResult(profileId, documents, files, wall, spent, peak, emulatorPeak, problems);
    }

    /// <summary>
    /// Waits until the profile has no live task (checked after every round, and every second), or
    /// <paramref name="limit"/>; returns how many were still queued.
    /// </summary>
    public static async Task<int> WaitUntilExportedAsync(BenchHost host, WorkerRunner worker, Guid profileId, TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        int pending;
        while ((pending = await host.QueryAsync(db => db.SyncTasks.CountAsync(t => t.ProfileId == profileId && t.DeadAt == null))) > 0 && watch.Elapsed < limit)
        {
            await worker.RoundFinishedAsync(TimeSpan.FromSeconds(1));
            if (watch.Elapsed - lastReport > TimeSpan.FromSeconds(30))
            {
                lastReport = watch.Elapsed;
                Console.WriteLine($"  … {pending} documents queued after {watch.Elapsed.TotalSeconds:F0} s");
            }
        }
        return pending;
    }

    /// <summary>What <see cref="UblWriter.Write"/> costs per document, on up to 200 of the backfilled documents (after one warm-up pass).</summary>
    private static async Task<double> UblCostAsync(BenchHost host, Guid profileId)
    {
        var ids = await host.QueryAsync(db => db.ExportedFiles.Where(f => f.ProfileId == profileId && f.Slot == "ubl").OrderBy(f => f.Id).Select(f => f.DocumentId).Take(200).ToListAsync());
        var contents = (await CurrentContents.LoadAsync(host, ids)).Values.ToList();
        if (contents.Count == 0)
        {
            return double.NaN;
        }
        foreach (var content in contents)
        {
            UblWriter.Write(content);
        }
        var watch = Stopwatch.StartNew();
        foreach (var content in contents)
        {
            UblWriter.Write(content);
        }
        return watch.Elapsed.TotalMilliseconds / contents.Count;
    }

    /// <summary>Every recorded file is in the emulator with the recorded rev and hash, and nothing else is under /DocSync.</summary>
    private static async Task<List<string>> CheckAsync(BenchHost host, EmulatorProcess emulator, Guid profileId, int documents)
    {
        var problems = new List<string>();
        var server = (await emulator.FilesAsync()).Where(f => f.Key.StartsWith("/docsync/", StringComparison.Ordinal)).ToDictionary();
        var recorded = await host.QueryAsync(db => db.ExportedFiles.AsNoTracking().Where(f => f.ProfileId == profileId).ToListAsync());
        if (server.Count != 2 * documents)
        {
            problems.Add($"The emulator holds {server.Count} files under /DocSync, not {2 * documents}.");
        }
        if (recorded.Count != 2 * documents)
        {
            problems.Add($"DocSync recorded {recorded.Count} exported files, not {2 * documents}.");
        }
        foreach (var file in recorded)
        {
            if (!server.TryGetValue(file.Path.ToLowerInvariant(), out var there))
            {
                problems.Add($"{file.Path} is recorded but not in the emulator.");
            }
            else if (there.Rev != file.Rev || there.Hash != file.ContentHash)
            {
                problems.Add($"{file.Path}: the emulator has rev {there.Rev} / {there.Hash}, DocSync recorded {file.Rev} / {file.ContentHash}.");
            }
        }
        if (await host.QueryAsync(db => db.ExportProfiles.Where(p => p.Id == profileId).Select(p => p.BackfillCompletedAt).SingleAsync()) is null)
        {
            problems.Add("The profile's backfill is not marked complete.");
        }
        var dead = await host.QueryAsync(db => db.SyncTasks.Where(t => t.ProfileId == profileId && t.DeadAt != null).Select(t => t.LastErrorCode + ": " + t.LastError).ToListAsync());
        problems.AddRange(dead.Select(d => "dead task: " + d));
        var failed = await host.QueryAsync(db => db.SyncLog.Where(e => e.ProfileId == profileId && e.Outcome != SyncOutcome.Ok).Select(e => e.Outcome + " " + e.Path + ": " + e.Detail).ToListAsync());
        problems.AddRange(failed.Select(f => "sync log: " + f));
        return problems;
    }
}
