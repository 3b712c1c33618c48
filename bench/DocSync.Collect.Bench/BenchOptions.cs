using System.Globalization;

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

    /// <summary>Parses <paramref name="args"/>; <paramref name="error"/> names the bad option when it returns null.</summary>
    public static BenchOptions? Parse(string[] args, string defaultEmulatorDll, out string? error)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                error = $"Unexpected argument {args[i]}.";
                return null;
            }
            settings[args[i][2..]] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
        }

        var quick = settings.ContainsKey("quick");
        int Number(string name, int full, int fast) =>
            settings.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : quick ? fast : full;
        var skip = settings.TryGetValue("skip", out var skipped)
            ? skipped.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal)
            : [];
        if (skip.FirstOrDefault(s => !Phases.Contains(s)) is { } unknown)
        {
            error = $"--skip: unknown phase \"{unknown}\"; the phases are {string.Join(", ", Phases)}.";
            return null;
        }
        var provider = settings.GetValueOrDefault("provider", "sqlite");
        if (provider is not ("sqlite" or "postgresql"))
        {
            error = "--provider is sqlite or postgresql.";
            return null;
        }

        BenchOptions options;
        try
        {
            options = new BenchOptions(
                Files: Number("files", 1_000, 100),
                ScanPercent: Number("scan-percent", 50, 50),
                Drops: Number("drops", 100, 20),
                ScanDrops: Number("scan-drops", 10, 5),
                SettleDrops: Number("settle-drops", 10, 3),
                LatencyMs: Number("latency-ms", 25, 25),
                Provider: provider,
                Skip: skip,
                Quick: quick,
                EmulatorDll: Path.GetFullPath(settings.GetValueOrDefault("emulator", defaultEmulatorDll)));
        }
        catch (FormatException)
        {
            error = "--files, --scan-percent, --drops, --scan-drops, --settle-drops and --latency-ms take whole numbers.";
            return null;
        }
        error = options switch
        {
            { Files: < 1 } => "--files must be at least 1.",
            { ScanPercent: < 0 or > 100 } => "--scan-percent is 0 to 100.",
            { Drops: < 1 } => "--drops must be at least 1.",
            { ScanDrops: < 0 } => "--scan-drops must not be negative.",
            { SettleDrops: < 0 } => "--settle-drops must not be negative.",
            { LatencyMs: < 0 } => "--latency-ms must not be negative.",
            _ => null,
        };
        return error is null ? options : null;
    }
}
