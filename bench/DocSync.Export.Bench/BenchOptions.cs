using System.Globalization;

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
        double Number(string name, double full, double fast) =>
            settings.TryGetValue(name, out var text) ? double.Parse(text, CultureInfo.InvariantCulture) : quick ? fast : full;
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

        var options = new BenchOptions(
            Documents: (int)Number("documents", 10_000, 500),
            LatencyMs: (int)Number("latency-ms", 25, 25),
            Edits: (int)Number("edits", 200, 20),
            IdleDocuments: (int)Number("idle-documents", 100_000, 2_000),
            IdleSeconds: Number("idle-seconds", 60, 10),
            Provider: provider,
            Skip: skip,
            Quick: quick,
            EmulatorDll: Path.GetFullPath(settings.GetValueOrDefault("emulator", defaultEmulatorDll)));
        error = options switch
        {
            { Documents: < 1 } => "--documents must be at least 1.",
            { LatencyMs: < 0 } => "--latency-ms must not be negative.",
            { Edits: < 1 } => "--edits must be at least 1.",
            { IdleDocuments: < 0 } => "--idle-documents must not be negative.",
            { IdleSeconds: <= 0 } => "--idle-seconds must be positive.",
            _ => null,
        };
        return error is null ? options : null;
    }
}
