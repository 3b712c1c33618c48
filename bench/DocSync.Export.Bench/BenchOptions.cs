namespace DocSync.Export.Bench;

/// <summary>The command line, parsed: sizes of each phase, the injected latency, the database, what to skip.</summary>
internal sealed record BenchOptions(
    int Documents,
    int LatencyMs,
    int Edits,
    int IdleDocuments,
    double IdleSeconds,
    string Provider,
    IReadOnlySet<string> Skip,
    bool Quick,
    string EmulatorDll)
{
    public static readonly IReadOnlySet<string> Phases = new HashSet<string>(StringComparer.Ordinal) { "backfill", "baseline", "propagation", "idle" };

    public bool Runs(string phase) => !Skip.Contains(phase);

    public static BenchCommandLine CommandLine() => new BenchCommandLine("DocSync.Export.Bench", "the export engine against the emulator (figures, never assertions)")
        .NumberOption("documents", "N", "documents the backfill exports (--quick: 500)", "10000")
        .NumberOption("latency-ms", "MS", "latency the emulator adds before every /2/ request", "25")
        .NumberOption("edits", "N", "single edits whose propagation is timed (--quick: 20)", "200")
        .NumberOption("idle-documents", "N", "documents present while idle cost is measured (--quick: 2000)", "100000")
        .NumberOption("idle-seconds", "S", "seconds the idle phase watches (--quick: 10)", "60")
        .Option("provider", "P", "database: sqlite or postgresql", "sqlite")
        .Option("skip", "PHASES", "phases left out, comma-separated: backfill, baseline, propagation, idle")
        .Flag("quick", "small sizes, about a minute (explicit options still win)")
        .Option("emulator", "PATH.dll", "the built emulator", "src/DocSync.Dropbox.Emulator/bin/Release/net10.0/DocSync.Dropbox.Emulator.dll")
        .Note("""
            The emulator runs as a child process (memory only) with the latency injected before every /2/ request;
            DocSync.Core runs in this process on a fresh database, with the real SyncWorker in the background.
            Phases: backfill (creating the profile queues every document), baseline (the same files, one files/upload
            each, then through UploadBatchAsync alone), propagation (single edits → new PDF rev, watched by longpoll),
            idle (requests, database commands and CPU per poll cycle).
            Exits 1 when a check fails (files missing or different, edits lost).
            """);

    /// <summary>Parses <paramref name="args"/>; null with the exit code in <paramref name="exit"/> when the bench should not run.</summary>
    public static BenchOptions? Parse(string[] args, out int exit) => CommandLine().Read(args, line =>
    {
        var quick = line.Has("quick");
        double Number(string name, double full, double fast) => line.Number(name, quick ? fast : full);
        int Whole(string name, int full, int fast) => line.Whole(name, quick ? fast : full);
        var skip = line.Items("skip", Phases);
        var provider = line.Choice("provider", "sqlite", "postgresql");
        var options = new BenchOptions(
            Documents: Whole("documents", 10_000, 500),
            LatencyMs: Whole("latency-ms", 25, 25),
            Edits: Whole("edits", 200, 20),
            IdleDocuments: Whole("idle-documents", 100_000, 2_000),
            IdleSeconds: Number("idle-seconds", 60, 10),
            Provider: provider,
            Skip: skip,
            Quick: quick,
            EmulatorDll: Path.GetFullPath(line.Text("emulator", RepositoryPaths.EmulatorDll)));
        var error = options switch
        {
            { Documents: < 1 } => "--documents must be at least 1.",
            { LatencyMs: < 0 } => "--latency-ms must not be negative.",
            { Edits: < 1 } => "--edits must be at least 1.",
            { IdleDocuments: < 0 } => "--idle-documents must not be negative.",
            { IdleSeconds: <= 0 } => "--idle-seconds must be positive.",
            _ => null,
        };
        return error is null ? options : throw new BenchUsageException(error);
    }, out exit);
}
