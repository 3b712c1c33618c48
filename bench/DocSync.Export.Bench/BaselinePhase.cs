using System.Diagnostics;
using System.Security.Cryptography;
using DocSync.Core.Blobs;
using DocSync.Core.Export.Ubl;
using DocSync.Dropbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DocSync.Export.Bench;

/// <summary>
/// The same files as the backfill, the same bytes (each PDF read from its blob, each UBL written
/// again by <see cref="UblWriter"/> from the document's content, both checked against the SHA-256
/// DocSync recorded), uploaded one <c>files/upload</c> per file to <c>/Baseline</c>, as many at once
/// as the client's batch uploader runs.
/// </summary>
internal static class BaselinePhase
{
    public static async Task<BaselineResult> RunAsync(BenchHost host, EmulatorProcess emulator, Guid profileId)
    {
        var files = await host.QueryAsync(db => db.ExportedFiles.AsNoTracking().Where(f => f.ProfileId == profileId)
            .Select(f => new { f.DocumentId, f.Slot, f.Path, f.SourceSha256 }).OrderBy(f => f.Path).ToListAsync());
        var contents = await CurrentContents.LoadAsync(host, files.Where(f => f.Slot == "ubl").Select(f => f.DocumentId).ToList());
        var blobs = host.Services.GetRequiredService<BlobStore>();
        var parallelism = host.ClientOptions.BatchUploadParallelism;
        Console.WriteLine();
        Console.WriteLine($"== baseline: the same {files.Count} files, one files/upload each, {parallelism} at once");

        var client = host.Client();
        var failures = new List<string>();
        var mismatched = 0;
        var loadBefore = Proc.LoadAverage();
        var before = host.Dropbox.Snapshot();
        var emulatorCpu = emulator.CpuTime;
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (file, token) =>
        {
            var bytes = file.Slot == "pdf" ? await File.ReadAllBytesAsync(blobs.PathOf(file.SourceSha256), token) : UblWriter.Write(contents[file.DocumentId]);
            if (Convert.ToHexStringLower(SHA256.HashData(bytes)) != file.SourceSha256)
            {
                Interlocked.Increment(ref mismatched);
            }
            try
            {
                await client.UploadAsync("/Baseline" + file.Path["/DocSync".Length..], bytes, new CommitOptions { Mute = true }, token);
            }
            catch (DropboxApiException e)
            {
                lock (failures)
                {
                    failures.Add($"{file.Path}: {e.Message}");
                }
            }
        });
        var wall = watch.Elapsed;
        var requests = host.Dropbox.Snapshot() - before;
        emulatorCpu = emulator.CpuTime - emulatorCpu;

        var problems = failures.ToList();
        if (mismatched > 0)
        {
            problems.Add($"{mismatched} files' bytes differ from the SHA-256 DocSync recorded.");
        }
        var landed = (await emulator.FilesAsync()).Keys.Count(k => k.StartsWith("/baseline/", StringComparison.Ordinal));
        if (landed != files.Count)
        {
            problems.Add($"The emulator holds {landed} files under /Baseline, not {files.Count}.");
        }
        Console.WriteLine($"wall time           {wall.TotalSeconds:F1} s ({files.Count / wall.TotalSeconds:F0} files/s); machine load average {loadBefore} before, {Proc.LoadAverage()} after");
        Console.WriteLine($"Dropbox requests    {requests.Total} ({requests.Describe()}); 429s {requests.Status(429)}");
        Console.WriteLine($"request times       {requests.DescribeTimes()} (average, injected latency included); emulator CPU {emulatorCpu.TotalSeconds:F1} s");
        Console.WriteLine(problems.Count == 0 ? $"check               {landed} files under /Baseline, every one with the bytes DocSync exported" : $"check               {problems.Count} problems");
        foreach (var problem in problems.Take(10))
        {
            Console.WriteLine("ERROR: " + problem);
        }
        return new BaselineResult(files.Count, wall, requests, parallelism, problems);
    }
}
