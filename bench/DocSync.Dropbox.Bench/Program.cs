using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using DocSync.Dropbox;
using DocSync.Dropbox.Bench;

// DocSync.Dropbox benchmark: figures, never assertions. `--help` lists every option with its default.
var line = new BenchCommandLine("DocSync.Dropbox.Bench", "the Dropbox client against the emulator (figures, never assertions)")
    .NumberOption("size-gib", "G", "size of the single generated upload", "2")
    .NumberOption("chunk-mib", "M", "upload session chunk size", "16")
    .NumberOption("files", "N", "small files of the batch comparison", "10000")
    .NumberOption("latency-ms", "MS", "latency the emulator adds to every call of the batch comparison", "25")
    .NumberOption("parallel", "N", "uploads in flight", "16")
    .NumberOption("commit-hold-ms", "MS", "how long each commit holds the namespace lock, as Dropbox serialises commits per namespace", "0")
    .Flag("skip-large", "leave out the single large upload")
    .Flag("skip-batch", "leave out the batch comparison")
    .Option("emulator", "PATH.dll", "the built emulator", "src/DocSync.Dropbox.Emulator/bin/Release/net10.0/DocSync.Dropbox.Emulator.dll")
    .Note("The emulator runs as a child process (with a data folder), so the client's peak RSS is measured alone.");
if (line.Parse(args) is { } exit)
{
    return exit;
}
double sizeGib, chunkMib;
int fileCount, latencyMs, parallelism, commitHoldMs;
try
{
    (sizeGib, chunkMib) = (line.Number("size-gib"), line.Number("chunk-mib"));
    (fileCount, latencyMs, parallelism, commitHoldMs) = (line.Whole("files"), line.Whole("latency-ms"), line.Whole("parallel"), line.Whole("commit-hold-ms"));
}
catch (BenchUsageException e)
{
    Console.Error.WriteLine(e.Message);
    return BenchCommandLine.UsageError;
}

var dll = line.Text("emulator", RepositoryPaths.EmulatorDll);
if (!File.Exists(dll))
{
    Console.Error.WriteLine($"Emulator not found at {dll}: run `dotnet build -c Release` first or pass --emulator PATH.");
    return 2;
}

await using var emulator = await EmulatorProcess.StartAsync(dll, persistent: true);
Console.WriteLine($"emulator: {emulator.BaseUri} (child process), data in {emulator.DataDirectory}");
var token = (await emulator.AdminAsync(HttpMethod.Post, "tokens", new JsonObject { ["account"] = "bob@example.com" }))["access_token"]!.GetValue<string>();
var counter = new CountingHandler();
using var http = new HttpClient(counter) { Timeout = Timeout.InfiniteTimeSpan };
DropboxClient Client(Action<DropboxClientOptions> configure)
{
    var options = new DropboxClientOptions
    {
        ApiBaseUri = emulator.BaseUri,
        ContentBaseUri = emulator.BaseUri,
        NotifyBaseUri = emulator.BaseUri,
        OAuthTokenBaseUri = emulator.BaseUri,
    };
    configure(options);
    return new DropboxClient(http, new StaticTokenProvider(token), options);
}
static string Mib(long bytes) => (bytes / 1048576.0).ToString("F1", CultureInfo.InvariantCulture) + " MiB";

if (!line.Has("skip-large"))
{
    var size = (long)(sizeGib * 1024 * 1024 * 1024);
    var chunk = (int)(chunkMib * 1024 * 1024);
    var client = Client(o => o.UploadChunkSize = chunk);
    GC.Collect();
    var before = Proc.PeakRss(Environment.ProcessId);
    // Start the high-water mark from here, so start-up does not count (Linux: clear_refs 5 resets VmHWM).
    File.WriteAllText("/proc/self/clear_refs", "5");
    var mark = counter.Snapshot();
    var watch = Stopwatch.StartNew();
    var file = await client.UploadAsync("/bench/large.bin", new GeneratedStream(size, 42));
    watch.Stop();
    var peak = Proc.PeakRss(Environment.ProcessId);
    var expected = await DropboxContentHasher.HashHexAsync(new GeneratedStream(size, 42));
    Console.WriteLine();
    Console.WriteLine($"== single upload of a generated stream ({Mib(size)}, chunk {Mib(chunk)}, not seekable)");
    Console.WriteLine($"time                {watch.Elapsed.TotalSeconds:F1} s");
    Console.WriteLine($"throughput          {size / 1048576.0 / watch.Elapsed.TotalSeconds:F1} MiB/s");
    Console.WriteLine($"client peak RSS     {Mib(peak)} (before upload {Mib(before)}; goal <= 150 MiB)");
    Console.WriteLine($"emulator peak RSS   {Mib(emulator.PeakRssBytes)} (separate process)");
    var used = counter.Snapshot() - mark;
    Console.WriteLine($"requests            {used.Total} ({used.Describe()})");
    Console.WriteLine($"server size/hash    {file.Size} / {file.ContentHash} ({(file.ContentHash == expected && file.Size == size ? "matches" : "MISMATCH")} the generated stream)");
    await client.DeleteAsync("/bench/large.bin");
}

if (!line.Has("skip-batch"))
{
    var files = fileCount;
    var latency = latencyMs;
    var parallel = parallelism;
    var client = Client(o => o.BatchUploadParallelism = parallel);
    await emulator.AdminAsync(HttpMethod.Put, "faults", new JsonObject
    {
        ["seed"] = 1,
        ["rules"] = new JsonArray(new JsonObject { ["kind"] = "latency", ["latency_ms"] = latency }),
    });
    var hold = commitHoldMs;
    await emulator.AdminAsync(HttpMethod.Post, "namespace-lock", new JsonObject { ["hold_ms"] = hold, ["wait_ms"] = 2000 });
    byte[] Content(int i)
    {
        var bytes = new byte[1024 + (i % 1024)];
        new Random(i).NextBytes(bytes);
        return bytes;
    }

    var batchStart = counter.Snapshot();
    var watch = Stopwatch.StartNew();
    var results = await client.UploadBatchAsync(Enumerable.Range(0, files).Select(i => new BatchUploadItem($"/bench/batch/{i:D5}.bin", () => new MemoryStream(Content(i)))).ToList());
    watch.Stop();
    var batch = counter.Snapshot() - batchStart;
    var batchFailed = results.Count(r => !r.IsSuccess);

    var baselineStart = counter.Snapshot();
    var baseline = Stopwatch.StartNew();
    var baselineFailed = 0;
    await Parallel.ForEachAsync(Enumerable.Range(0, files), new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (i, token) =>
    {
        try
        {
            await client.UploadBytesAsync($"/bench/single/{i:D5}.bin", Content(i), cancellationToken: token);
        }
        catch (DropboxApiException)
        {
            Interlocked.Increment(ref baselineFailed);
        }
    });
    baseline.Stop();
    var single = counter.Snapshot() - baselineStart;

    Console.WriteLine();
    Console.WriteLine($"== {files} small files (1-2 KiB), {latency} ms injected latency per call, {parallel} in flight, commit lock held {hold} ms");
    Console.WriteLine($"{"",-22}{"wall time",12}{"requests",10}{"commits",9}{"429s",6}{"failed",8}");
    Console.WriteLine($"{"batch (sessions+v2)",-22}{watch.Elapsed.TotalSeconds,10:F1} s{batch.Total,10}{batch.Route("files/upload_session/finish_batch_v2"),9}{batch.Status(429),6}{batchFailed,8}");
    Console.WriteLine($"{"one upload per file",-22}{baseline.Elapsed.TotalSeconds,10:F1} s{single.Total,10}{single.Route("files/upload"),9}{single.Status(429),6}{baselineFailed,8}");
    Console.WriteLine($"batch requests: {batch.Describe()}");
    foreach (var failure in results.Where(r => !r.IsSuccess).GroupBy(r => r.ErrorTag + " " + r.Error?.Message).Take(5))
    {
        Console.WriteLine($"batch failures: {failure.Count()} x {failure.Key}");
    }
}
return 0;
