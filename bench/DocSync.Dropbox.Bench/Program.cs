using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using DocSync.Dropbox;
using DocSync.Dropbox.Bench;

// DocSync.Dropbox benchmark: figures, never assertions.
//   dotnet run -c Release --project bench/DocSync.Dropbox.Bench -- [--size-gib 2] [--chunk-mib 16]
//       [--files 10000] [--latency-ms 25] [--parallel 16] [--commit-hold-ms 0] [--skip-large] [--skip-batch] [--emulator PATH.dll]
// --commit-hold-ms makes each commit hold the namespace lock that long, as Dropbox serialises commits per namespace.
// The emulator runs as a child process (built with `dotnet build -c Release`), so the client's peak
// RSS is measured alone.
var settings = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i < args.Length; i++)
{
    if (args[i].StartsWith("--", StringComparison.Ordinal))
    {
        settings[args[i][2..]] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
    }
}
string Setting(string name, string fallback) => settings.GetValueOrDefault(name, fallback);
double Number(string name, double fallback) => double.Parse(Setting(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

var root = AppContext.BaseDirectory;
while (root is not null && !File.Exists(Path.Combine(root, "DocSync.slnx")))
{
    root = Path.GetDirectoryName(root.TrimEnd(Path.DirectorySeparatorChar));
}
var dll = Setting("emulator", Path.Combine(root ?? ".", "src/DocSync.Dropbox.Emulator/bin/Release/net10.0/DocSync.Dropbox.Emulator.dll"));
if (!File.Exists(dll))
{
    Console.Error.WriteLine($"Emulator not found at {dll}: run `dotnet build -c Release` first or pass --emulator PATH.");
    return 2;
}

await using var emulator = await EmulatorProcess.StartAsync(dll);
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

if (!settings.ContainsKey("skip-large"))
{
    var size = (long)(Number("size-gib", 2) * 1024 * 1024 * 1024);
    var chunk = (int)(Number("chunk-mib", 16) * 1024 * 1024);
    var client = Client(o => o.UploadChunkSize = chunk);
    GC.Collect();
    var before = EmulatorProcess.ProcessPeakRss(Environment.ProcessId);
    // Start the high-water mark from here, so start-up does not count (Linux: clear_refs 5 resets VmHWM).
    File.WriteAllText("/proc/self/clear_refs", "5");
    var watch = Stopwatch.StartNew();
    var file = await client.UploadAsync("/bench/large.bin", new GeneratedStream(size, 42));
    watch.Stop();
    var peak = EmulatorProcess.ProcessPeakRss(Environment.ProcessId);
    var expected = await DropboxContentHasher.HashHexAsync(new GeneratedStream(size, 42));
    Console.WriteLine();
    Console.WriteLine($"== single upload of a generated stream ({Mib(size)}, chunk {Mib(chunk)}, not seekable)");
    Console.WriteLine($"time                {watch.Elapsed.TotalSeconds:F1} s");
    Console.WriteLine($"throughput          {size / 1048576.0 / watch.Elapsed.TotalSeconds:F1} MiB/s");
    Console.WriteLine($"client peak RSS     {Mib(peak)} (before upload {Mib(before)}; goal <= 150 MiB)");
    Console.WriteLine($"emulator peak RSS   {Mib(emulator.PeakRssBytes)} (separate process)");
    Console.WriteLine($"requests            {counter.Total} ({string.Join(", ", counter.Routes.Select(r => $"{r.Key} {r.Value}"))})");
    Console.WriteLine($"server size/hash    {file.Size} / {file.ContentHash} ({(file.ContentHash == expected && file.Size == size ? "matches" : "MISMATCH")} the generated stream)");
    await client.DeleteAsync("/bench/large.bin");
}

if (!settings.ContainsKey("skip-batch"))
{
    var files = (int)Number("files", 10000);
    var latency = (int)Number("latency-ms", 25);
    var parallel = (int)Number("parallel", 16);
    var client = Client(o => o.BatchUploadParallelism = parallel);
    await emulator.AdminAsync(HttpMethod.Put, "faults", new JsonObject
    {
        ["seed"] = 1,
        ["rules"] = new JsonArray(new JsonObject { ["kind"] = "latency", ["latency_ms"] = latency }),
    });
    var hold = (int)Number("commit-hold-ms", 0);
    await emulator.AdminAsync(HttpMethod.Post, "namespace-lock", new JsonObject { ["hold_ms"] = hold, ["wait_ms"] = 2000 });
    byte[] Content(int i)
    {
        var bytes = new byte[1024 + (i % 1024)];
        new Random(i).NextBytes(bytes);
        return bytes;
    }

    counter.Reset();
    var watch = Stopwatch.StartNew();
    var results = await client.UploadBatchAsync(Enumerable.Range(0, files).Select(i => new BatchUploadItem($"/bench/batch/{i:D5}.bin", () => new MemoryStream(Content(i)))).ToList());
    watch.Stop();
    var batchRoutes = counter.Routes.ToDictionary();
    var batchTotal = counter.Total;
    var batchStatuses = counter.Statuses.ToDictionary();
    var batchFailed = results.Count(r => !r.IsSuccess);

    counter.Reset();
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

    Console.WriteLine();
    Console.WriteLine($"== {files} small files (1-2 KiB), {latency} ms injected latency per call, {parallel} in flight, commit lock held {hold} ms");
    Console.WriteLine($"{"",-22}{"wall time",12}{"requests",10}{"commits",9}{"429s",6}{"failed",8}");
    Console.WriteLine($"{"batch (sessions+v2)",-22}{watch.Elapsed.TotalSeconds,10:F1} s{batchTotal,10}{batchRoutes.GetValueOrDefault("/2/files/upload_session/finish_batch_v2"),9}{batchStatuses.GetValueOrDefault(429),6}{batchFailed,8}");
    Console.WriteLine($"{"one upload per file",-22}{baseline.Elapsed.TotalSeconds,10:F1} s{counter.Total,10}{counter.Routes.GetValueOrDefault("/2/files/upload"),9}{counter.Statuses.GetValueOrDefault(429),6}{baselineFailed,8}");
    Console.WriteLine($"batch requests: {string.Join(", ", batchRoutes.Select(r => $"{r.Key} {r.Value}"))}");
    foreach (var failure in results.Where(r => !r.IsSuccess).GroupBy(r => r.ErrorTag + " " + r.Error?.Message).Take(5))
    {
        Console.WriteLine($"batch failures: {failure.Count()} x {failure.Key}");
    }
}
return 0;
