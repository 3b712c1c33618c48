namespace DocSync.Collect.Bench;

/// <summary>The command line, parsed: sizes of each phase, the injected latency, the database, what to skip.</summary>
internal sealed record BenchOptions(
    int Files,
    int ScanPercent,
    int Drops,
    int ScanDrops,
    int SettleDrops,
    int LatencyMs,
    string Provider,
    IReadOnlySet<string> Skip,
    bool Quick,
    string EmulatorDll)
{
    public static readonly IReadOnlySet<string> Phases = new HashSet<string>(StringComparer.Ordinal) { "throughput", "latency" };

    public bool Runs(string phase) => !Skip.Contains(phase);

    public static BenchCommandLine CommandLine() => new BenchCommandLine("DocSync.Collect.Bench", "Collect throughput and latency against the emulator (figures, never assertions on timings)")
        .NumberOption("files", "N", "files of the throughput phase (--quick: 100)", "1000")
        .NumberOption("scan-percent", "P", "share of PNG scans among them, 0 to 100", "50")
        .NumberOption("drops", "N", "text PDFs dropped one at a time in the latency phase (--quick: 20)", "100")
        .NumberOption("scan-drops", "N", "PNG scans dropped one at a time (--quick: 5)", "10")
        .NumberOption("settle-drops", "N", "text PDFs with the shipped stable age and poll interval (--quick: 3)", "10")
        .NumberOption("latency-ms", "MS", "latency the emulator adds before every /2/ request", "25")
        .Option("provider", "P", "database: sqlite or postgresql", "sqlite")
        .Option("skip", "PHASES", "phases left out, comma-separated: throughput, latency")
        .Flag("quick", "small sizes for a quick look (explicit options still win)")
        .Option("emulator", "PATH.dll", "the built emulator", "src/DocSync.Dropbox.Emulator/bin/Release/net10.0/DocSync.Dropbox.Emulator.dll")
        .Note("""
            The emulator runs as a child process (memory only) with the latency injected before every /2/ request;
            DocSync.Core runs in this process on a fresh database, with real tesseract and pdftoppm.
            Phases: throughput (N files through one scheduled run); latency (a near-real-time channel with the real
            CollectWorker: text PDFs, then scans, dropped one at a time; then text PDFs with the shipped stable age).
            Exits 1 when a check fails (a file missing from the inbox, there twice, or with other bytes).
            """);

    /// <summary>Parses <paramref name="args"/>; null with the exit code in <paramref name="exit"/> when the bench should not run.</summary>
    public static BenchOptions? Parse(string[] args, out int exit) => CommandLine().Read(args, line =>
    {
        var quick = line.Has("quick");
        int Number(string name, int full, int fast) => line.Whole(name, quick ? fast : full);
        var skip = line.Items("skip", Phases);
        var provider = line.Choice("provider", "sqlite", "postgresql");
        var options = new BenchOptions(
            Files: Number("files", 1_000, 100),
            ScanPercent: Number("scan-percent", 50, 50),
            Drops: Number("drops", 100, 20),
            ScanDrops: Number("scan-drops", 10, 5),
            SettleDrops: Number("settle-drops", 10, 3),
            LatencyMs: Number("latency-ms", 25, 25),
            Provider: provider,
            Skip: skip,
            Quick: quick,
            EmulatorDll: Path.GetFullPath(line.Text("emulator", RepositoryPaths.EmulatorDll)));
        var error = options switch
        {
            { Files: < 1 } => "--files must be at least 1.",
            { ScanPercent: < 0 or > 100 } => "--scan-percent is 0 to 100.",
            { Drops: < 1 } => "--drops must be at least 1.",
            { ScanDrops: < 0 } => "--scan-drops must not be negative.",
            { SettleDrops: < 0 } => "--settle-drops must not be negative.",
            { LatencyMs: < 0 } => "--latency-ms must not be negative.",
            _ => null,
        };
        return error is null ? options : throw new BenchUsageException(error);
    }, out exit);
}
