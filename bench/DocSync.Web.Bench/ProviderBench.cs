using DocSync.Testing;
using Npgsql;

namespace DocSync.Web.Bench;

/// <summary>
/// One provider end to end: a fresh database and folder, the server as a child process, first-run
/// setup and an API key, warm-up, the measured run, then the checks (count and a sample of PDFs).
/// </summary>
internal static class ProviderBench
{
    private const int SampleSize = 20;

    /// <summary>Runs the load on <paramref name="provider"/> ("sqlite" or "postgresql"); <c>Ok</c> is false when anything was lost, failed or differed.</summary>
    public static async Task<(BenchRow Row, bool Ok)> RunAsync(string provider, BenchOptions options)
    {
        var folder = Directory.CreateTempSubdirectory("docsync-web-bench-").FullName;
        using var postgres = provider == "postgresql" ? PostgresCluster.Start() : null;
        var settings = new Dictionary<string, string>
        {
            ["DocSync:Database:Provider"] = postgres is null ? "Sqlite" : "PostgreSql",
            ["DocSync:Database:ConnectionString"] = postgres is null ? $"Data Source={Path.Combine(folder, "docsync.db")}" : await CreateDatabaseAsync(postgres),
            ["DocSync:Blobs:RootPath"] = Path.Combine(folder, "blobs"),
            ["DocSync:Web:KeysPath"] = Path.Combine(folder, "keys"),
            ["DocSync:Dropbox:Emulator:Enabled"] = "false",
        };

        var ok = false;
        try
        {
            await using var server = await ServerProcess.StartAsync(options.ServerDll, folder, settings);
            Console.WriteLine($"[{provider}] server {server.BaseUri} (child process), folder {folder}");
            var companyId = await Provisioner.SetUpAsync(server.BaseUri);
            var apiKey = await Provisioner.CreateApiKeyAsync(settings, companyId);
            Console.WriteLine($"[{provider}] set up company {companyId} through /setup; API key made");

            // EF Core logs a failed probe of the migrations history table on a fresh PostgreSQL database at start; only the load's count.
            var startupFailures = server.Failures().Count;
            using var load = new LoadRunner(server.BaseUri, apiKey, options.Clients, options.PdfBytes);
            var warmup = await load.RunAsync("warm", TimeSpan.FromSeconds(options.WarmupSeconds));
            Console.WriteLine($"[{provider}] warm-up: {warmup.Created.Count} created, {warmup.Errors} errors in {warmup.Elapsed.TotalSeconds:F1} s");
            var cpuBefore = server.CpuTime;
            var benchCpuBefore = Environment.CpuUsage.TotalTime;
            var loadBefore = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            var run = await load.RunAsync("run", TimeSpan.FromSeconds(options.Seconds));
            var cpu = (server.CpuTime - cpuBefore).TotalSeconds / run.Elapsed.TotalSeconds;
            var benchCpu = (Environment.CpuUsage.TotalTime - benchCpuBefore).TotalSeconds / run.Elapsed.TotalSeconds;
            var peakRss = server.PeakRssBytes;
            Console.WriteLine($"[{provider}] run: {run.Created.Count} created in {run.Elapsed.TotalSeconds:F1} s; statuses {string.Join(", ", run.Statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"))}");
            Console.WriteLine($"[{provider}] CPU during the run: server {cpu:F2} cores, load generator {benchCpu:F2} cores; machine load average {loadBefore} before, {File.ReadAllText("/proc/loadavg").Split(' ')[0]} after");

            using var api = Verifier.Client(server.BaseUri, apiKey);
            var answered = warmup.Created.Count + run.Created.Count;
            var counted = await Verifier.CountAsync(api);
            var lost = answered - counted;
            var problems = await Verifier.CheckSampleAsync(api, [.. warmup.Created, .. run.Created], SampleSize, seed: 1);
            Console.WriteLine($"[{provider}] check: {answered} answered 201, {counted} counted by GET /api/v1/documents; sample of {Math.Min(SampleSize, answered)} fetched with their PDFs, {problems.Count} differ");

            var errors = warmup.Errors + run.Errors;
            foreach (var failure in warmup.FailureSamples.Concat(run.FailureSamples).Take(5))
            {
                Console.WriteLine($"[{provider}] error: {failure}");
            }

            foreach (var problem in problems.Take(5))
            {
                Console.WriteLine($"[{provider}] sample: {problem}");
            }

            var failures = server.Failures().Skip(startupFailures).ToList();
            Console.WriteLine($"[{provider}] server log: {failures.Count} error entries under load ({startupFailures} at start-up)");
            foreach (var failure in failures.Take(2))
            {
                Console.WriteLine(failure);
            }

            ok = errors == 0 && lost == 0 && problems.Count == 0 && failures.Count == 0;
            var row = new BenchRow(provider, options.Clients, run.Elapsed.TotalSeconds, run.Created.Count, run.Throughput,
                run.Percentile(50), run.Percentile(90), run.Percentile(99), run.Percentile(100), errors, lost, peakRss, cpu);
            return (row, ok);
        }
        finally
        {
            var log = Path.Combine(folder, "server.log");
            if (!ok && File.Exists(log))
            {
                var kept = Path.Combine(Path.GetTempPath(), $"docsync-web-bench-{provider}-{DateTime.UtcNow:yyyyMMdd-HHmmss}.log");
                File.Move(log, kept);
                Console.WriteLine($"[{provider}] server log kept at {kept}");
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<string> CreateDatabaseAsync(PostgresCluster postgres)
    {
        await using (var connection = new NpgsqlConnection(postgres.ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE DATABASE docsync_bench", connection);
            await create.ExecuteNonQueryAsync();
        }

        NpgsqlConnection.ClearAllPools();
        return postgres.ConnectionString("docsync_bench");
    }
}
