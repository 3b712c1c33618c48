using System.Diagnostics;
using System.Security.Cryptography;
using DocSync.Core.Blobs;
using DocSync.Core.Export;
using DocSync.Core.Export.Ubl;
using DocSync.Dropbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DocSync.Export.Bench;

/// <summary>
/// The same files as the backfill, the same bytes (each PDF read from its blob, each UBL written
/// again by <see cref="UblWriter"/> from the document's content beforehand, both checked against the
/// SHA-256 DocSync recorded): first one <c>files/upload</c> per file to <c>/Baseline</c>, as many at
/// once as the client's batch uploader runs; then, to tell the engine's share of the backfill from
/// the client's and the emulator's, <see cref="DropboxClient.UploadBatchAsync"/> alone to
/// <c>/Batch</c>, one call per round's worth of files, with no database and no engine; last the
/// floor (<see cref="FloorUpload"/>) to <c>/Floor</c>, the figure the backfill is held against.
/// </summary>
internal static class BaselinePhase
{
    public static async Task<BaselineResult> RunAsync(BenchHost host, EmulatorProcess emulator, Guid profileId)
    {
        var files = await host.QueryAsync(db => db.ExportedFiles.AsNoTracking().Where(f => f.ProfileId == profileId)
            .Select(f => new { f.DocumentId, f.Slot, f.Path, f.SourceSha256 }).OrderBy(f => f.Path).ToListAsync());
        var ubl = (await CurrentContents.LoadAsync(host, files.Where(f => f.Slot == "ubl").Select(f => f.DocumentId).ToList()))
            .ToDictionary(c => c.Key, c => UblWriter.Write(c.Value));
        var blobs = host.Services.GetRequiredService<BlobStore>();
        var parallelism = host.ClientOptions.BatchUploadParallelism;
        var perCall = host.Services.GetRequiredService<IOptions<ExportOptions>>().Value.BatchSize * 2;
        byte[] Bytes(string slot, Guid documentId, string sha) => slot == "pdf" ? File.ReadAllBytes(blobs.PathOf(sha)) : ubl[documentId];
        Stream Open(string slot, Guid documentId, string sha) => slot == "pdf" ? blobs.OpenRead(sha) : new MemoryStream(ubl[documentId], writable: false);
        var problems = new List<string>();
        var mismatched = files.Count(f => Convert.ToHexStringLower(SHA256.HashData(Bytes(f.Slot, f.DocumentId, f.SourceSha256))) != f.SourceSha256);
        if (mismatched > 0)
        {
            problems.Add($"{mismatched} files' bytes differ from the SHA-256 DocSync recorded.");
        }
        var client = host.Client();
        await client.GetCurrentAccountAsync(); // the token, before the clock runs
        Console.WriteLine();
        Console.WriteLine($"== baseline: the same {files.Count} files, one files/upload each, {parallelism} at once");

        var loadBefore = Proc.LoadAverage();
        var single = await MeasureAsync(host, emulator, files.Count, async () =>
        {
            var failed = 0;
            await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (file, token) =>
            {
                try
                {
                    await client.UploadAsync("/Baseline" + file.Path["/DocSync".Length..], Bytes(file.Slot, file.DocumentId, file.SourceSha256),
                        new CommitOptions { Mute = true }, token);
                }
                catch (DropboxApiException)
                {
                    Interlocked.Increment(ref failed);
                }
            });
            return failed;
        });
        Print(single, $"machine load average {loadBefore} before, {Proc.LoadAverage()} after");

        Console.WriteLine();
        Console.WriteLine($"== the same files through UploadBatchAsync alone, {perCall} per call as the engine's rounds (no engine, no database)");
        loadBefore = Proc.LoadAverage();
        var batch = await MeasureAsync(host, emulator, files.Count, async () =>
        {
            var failed = 0;
            foreach (var chunk in files.Chunk(perCall))
            {
                var results = await client.UploadBatchAsync(chunk.Select(f => new BatchUploadItem("/Batch" + f.Path["/DocSync".Length..],
                    () => Open(f.Slot, f.DocumentId, f.SourceSha256), new CommitOptions { Mute = true })).ToList());
                failed += results.Count(r => !r.IsSuccess);
            }
            return failed;
        });
        Print(batch, $"machine load average {loadBefore} before, {Proc.LoadAverage()} after");

        Console.WriteLine();
        Console.WriteLine($"== the floor: the same bytes (in memory beforehand) in the cheapest request pattern: {FloorUpload.PerPack} files per start_batch + append_batch, {FloorUpload.InFlight} packs at once, finish_batch_v2 per {FloorUpload.PerCommit} closed sessions");
        var inMemory = files.Select(f => ("/Floor" + f.Path["/DocSync".Length..], Bytes(f.Slot, f.DocumentId, f.SourceSha256))).ToList();
        loadBefore = Proc.LoadAverage();
        var floor = await MeasureAsync(host, emulator, files.Count, () => FloorUpload.RunAsync(client, inMemory));
        Print(floor, $"machine load average {loadBefore} before, {Proc.LoadAverage()} after");

        var server = await emulator.FilesAsync();
        foreach (var folder in new[] { "/baseline/", "/batch/", "/floor/" })
        {
            var landed = server.Keys.Count(k => k.StartsWith(folder, StringComparison.Ordinal));
            if (landed != files.Count)
            {
                problems.Add($"The emulator holds {landed} files under {folder}, not {files.Count}.");
            }
        }
        if (single.Failed + batch.Failed + floor.Failed > 0)
        {
            problems.Add($"{single.Failed} single uploads, {batch.Failed} batched uploads and {floor.Failed} floor uploads failed.");
        }
        Console.WriteLine(problems.Count == 0
            ? $"check               {files.Count} files under /Baseline, /Batch and /Floor, every one with the bytes DocSync exported"
            : $"check               {problems.Count} problems");
        foreach (var problem in problems.Take(10))
        {
            Console.WriteLine("ERROR: " + problem);
        }
        return new BaselineResult(single, batch, floor, parallelism, perCall, problems);
    }

    private static async Task<UploadRun> MeasureAsync(BenchHost host, EmulatorProcess emulator, int files, Func<Task<int>> upload)
    {
        var before = host.Dropbox.Snapshot();
        var emulatorCpu = emulator.CpuTime;
        var watch = Stopwatch.StartNew();
        var failed = await upload();
        return new UploadRun(files, watch.Elapsed, host.Dropbox.Snapshot() - before, emulator.CpuTime - emulatorCpu, failed);
    }

    private static void Print(UploadRun run, string load)
    {
        Console.WriteLine($"wall time           {run.Wall.TotalSeconds:F1} s ({run.FilesPerSecond:F0} files/s); {load}");
        Console.WriteLine($"Dropbox requests    {run.Requests.Total} ({run.Requests.Describe()}); 429s {run.Requests.Status(429)}, failed uploads {run.Failed}");
        Console.WriteLine($"request times       {run.Requests.DescribeTimes()} (average, injected latency included); emulator CPU {run.EmulatorCpu.TotalSeconds:F1} s");
    }
}
