using System.Globalization;
using DocSync.Web.Bench;

// DocSync.Web load benchmark: figures, never assertions.
//   dotnet build DocSync.slnx -c Release && dotnet bench/DocSync.Web.Bench/bin/Release/net10.0/DocSync.Web.Bench.dll
//       [--clients 100] [--seconds 60] [--provider sqlite|postgresql|both] [--pdf-kb 30] [--warmup 5] [--server PATH.dll]
// Per provider: a fresh database (SQLite file; PostgreSQL 15 in a throwaway cluster), the built DocSync.Web.dll as a
// child process on a loopback port, first-run setup through the /setup form, an API key. Then --clients API clients,
// each on its own connection, create invoices with a PDF back to back (multipart, Idempotency-Key) for --warmup
// seconds (not measured) and --seconds seconds (measured). Errors count both phases; "lost" = documents answered 201
// minus the count the API lists afterwards; a random sample of 20 is fetched back with its PDF (SHA-256 compared).
//   ... --embedded-backfill [--documents 10000] [--clients 8] [--pdf-kb 30] [--settle 30]
// measures instead the server's RSS idle, during and after a backfill of --documents documents (PDF + UBL each)
// to the Dropbox emulator it embeds (goal: peak < 500 MiB, after within 100 MiB of idle).
// `--help` lists every option with its default.
var line = new BenchCommandLine("DocSync.Web.Bench", "DocSync.Web under load, or its memory during an embedded backfill (figures, never assertions)")
    .NumberOption("clients", "N", "API clients creating invoices with a PDF back to back (--embedded-backfill: 8)", "100")
    .NumberOption("seconds", "S", "measured seconds", "60")
    .NumberOption("warmup", "S", "unmeasured seconds first", "5")
    .Option("provider", "P", "sqlite, postgresql or both", "both")
    .NumberOption("pdf-kb", "K", "PDF size in KiB", "30")
    .Option("server", "PATH.dll", "the built DocSync.Web.dll", "src/DocSync.Web/bin/Release/net10.0/DocSync.Web.dll")
    .Flag("embedded-backfill", "instead: server RSS idle, during and after a backfill to the embedded emulator")
    .NumberOption("documents", "N", "documents for --embedded-backfill", "10000")
    .NumberOption("settle", "S", "seconds to let the server settle before the idle and after figures", "30")
    .Flag("files", "instead: Files' figures, in process (a folder of --files-count files paged 100 at a time; --zip-mib zipped)")
    .NumberOption("files-count", "N", "files in the folder for --files", "10000")
    .NumberOption("zip-mib", "M", "MiB zipped for --files", "1024");
if (line.Parse(args) is { } exit)
{
    return exit;
}
string Setting(string name, string fallback) => line.Text(name, fallback);
double Number(string name, double fallback) => line.Number(name, fallback); // numbers were checked when parsing

var dll = Path.GetFullPath(Setting("server", RepositoryPaths.ServerDll));
if (line.Has("files"))
{
    return await FilesBench.RunAsync((int)Number("files-count", 10_000), (long)(Number("zip-mib", 1024) * 1024 * 1024));
}
if (!File.Exists(dll))
{
    Console.Error.WriteLine($"DocSync.Web not found at {dll}: run `dotnet build DocSync.slnx -c Release` first or pass --server PATH.");
    return 2;
}

if (line.Has("embedded-backfill"))
{
    return await EmbeddedBackfillBench.RunAsync(dll, (int)Number("documents", 10_000), (int)Number("clients", 8), (int)(Number("pdf-kb", 30) * 1024), Number("settle", 30))
        ? 0
        : 1;
}

var providers = Setting("provider", "both") switch
{
    "both" => new[] { "sqlite", "postgresql" },
    "sqlite" => ["sqlite"],
    "postgresql" => ["postgresql"],
    var other => null,
};
if (providers is null)
{
    Console.Error.WriteLine("--provider is sqlite, postgresql or both.");
    return 2;
}

var options = new BenchOptions(
    Clients: (int)Number("clients", 100),
    Seconds: Number("seconds", 60),
    WarmupSeconds: Number("warmup", 5),
    PdfBytes: (int)(Number("pdf-kb", 30) * 1024),
    ServerDll: dll);
Console.WriteLine($"server: {dll}");
Console.WriteLine($"load: {options.Clients} clients, {options.WarmupSeconds} s warm-up + {options.Seconds} s measured, PDF {options.PdfBytes / 1024} KiB, {Environment.ProcessorCount} cores (shared by server, load and database)");

var rows = new List<BenchRow>();
var allOk = true;
foreach (var provider in providers)
{
    var (row, ok) = await ProviderBench.RunAsync(provider, options);
    rows.Add(row);
    allOk &= ok;
}

Console.WriteLine();
Console.WriteLine(BenchRow.Header);
foreach (var row in rows)
{
    Console.WriteLine(row);
}
return allOk ? 0 : 1;
