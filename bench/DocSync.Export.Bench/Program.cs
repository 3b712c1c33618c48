using DocSync.Export.Bench;

// DocSync export engine benchmark: figures, never assertions.
//   dotnet build DocSync.slnx -c Release && dotnet bench/DocSync.Export.Bench/bin/Release/net10.0/DocSync.Export.Bench.dll
//       [--documents 10000] [--latency-ms 25] [--edits 200] [--idle-documents 100000] [--idle-seconds 60]
//       [--provider sqlite|postgresql] [--skip backfill,baseline,propagation,idle] [--quick] [--emulator PATH.dll]
// --quick: 500 documents, 20 edits, 2,000 idle documents, 10 s idle (explicit options still win): about a minute.
// The emulator runs as a child process (memory only) with the latency injected before every /2/ request;
// DocSync.Core runs in this process on a fresh database, with the real SyncWorker in the background.
// Phases: backfill (DocumentService seeding, timed apart; creating the profile queues it), baseline (the same
// files, one files/upload each; then through UploadBatchAsync alone, to tell the engine's share), propagation
// (single edits → new PDF rev, watched by longpoll), idle (requests, database commands and CPU per poll cycle).
// Exits 1 when a check fails (files missing or different, edits lost); timings are reported, never judged.
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

await using var emulator = await EmulatorProcess.StartAsync(options.EmulatorDll);
await emulator.SetLatencyAsync(options.LatencyMs);
var accountId = await emulator.AccountIdAsync();
var (refreshToken, _) = await emulator.GrantAsync();
await using var host = await BenchHost.StartAsync(options.Provider, emulator.BaseUri);
await host.SetUpCompanyAsync(accountId, refreshToken);
// EF Core logs a failed probe of the migrations history table on a fresh PostgreSQL database: only what comes after counts.
var startupLog = host.Log.Written;
Console.WriteLine($"emulator: {emulator.BaseUri} (child process {emulator.ProcessId}, memory only), {options.LatencyMs} ms latency per request");
Console.WriteLine($"database: {options.Provider} (fresh, migrated){(options.Quick ? "; quick mode" : "")}; {Environment.ProcessorCount} cores shared by DocSync, the emulator and the database; machine load average {Proc.LoadAverage()}");

BackfillResult? backfill = null;
BaselineResult? baseline = null;
PropagationResult? propagation = null;
IdleResult? idle = null;
var failed = false;
await using (var worker = new WorkerRunner(host.Services))
{
    Guid? profileId = null;
    if (options.Runs("backfill"))
    {
        backfill = await BackfillPhase.RunAsync(host, emulator, worker, options.Documents);
        profileId = backfill.ProfileId;
        failed |= backfill.Problems.Count > 0;
    }
    if (options.Runs("baseline"))
    {
        if (backfill is null)
        {
            Console.WriteLine();
            Console.WriteLine("== baseline: skipped, it uploads the files the backfill exported");
        }
        else
        {
            baseline = await BaselinePhase.RunAsync(host, emulator, backfill.ProfileId);
            failed |= baseline.Problems.Count > 0;
        }
    }
    if (options.Runs("propagation"))
    {
        if (profileId is null)
        {
            // No backfill ran: a few documents to edit, exported first (not measured).
            await DocumentSeeder.CreateAsync(host, options.Edits, "P");
            await DocumentSeeder.DrainOutboxAsync(host);
            profileId = await host.CreateProfileAsync();
            await BackfillPhase.WaitUntilExportedAsync(host, worker, profileId.Value, TimeSpan.FromMinutes(10));
        }
        propagation = await PropagationPhase.RunAsync(host, emulator, profileId.Value, options.Edits, options.LatencyMs);
        failed |= propagation.TimedOut > 0;
    }
    if (options.Runs("idle"))
    {
        profileId ??= await host.CreateProfileAsync();
        idle = await IdlePhase.RunAsync(host, emulator, worker, profileId.Value, options.IdleDocuments, options.IdleSeconds);
    }
}

Summary.Print(options, backfill, baseline, propagation, idle);
if (host.Log.Written > startupLog)
{
    Console.WriteLine($"{host.Log.Written - startupLog} warnings or errors were logged (above, on stderr).");
}
return failed ? 1 : 0;
