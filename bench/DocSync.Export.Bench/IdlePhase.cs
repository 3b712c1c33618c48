using DocSync.Core.Export;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DocSync.Export.Bench;

/// <summary>
/// Tops the profile up to the wanted number of exported documents (see <see cref="IdleSeeder"/>),
/// lets the worker settle, then counts for a while what it spends doing nothing: Dropbox
/// requests, database commands (and which), CPU of DocSync's process and of the emulator.
/// </summary>
internal static class IdlePhase
{
    public static async Task<IdleResult> RunAsync(BenchHost host, EmulatorProcess emulator, WorkerRunner worker, Guid profileId, int documents, double seconds)
    {
        var poll = host.Services.GetRequiredService<IOptions<ExportOptions>>().Value.PollInterval;
        Console.WriteLine();
        Console.WriteLine($"== idle: {documents} exported documents, worker idle for {seconds:F0} s (poll interval {poll.TotalSeconds:F0} s)");
        var exported = await ExportedDocumentsAsync(host, profileId);
        if (exported < documents)
        {
            var took = await IdleSeeder.SeedAsync(host, profileId, documents - exported);
            Console.WriteLine($"seeding             {documents - exported} exported documents inserted through the DbContext in {took.TotalSeconds:F1} s (system scope, 1,000 per transaction, outbox marked processed; not rendered, not in the emulator)");
            exported = await ExportedDocumentsAsync(host, profileId);
        }
        Console.WriteLine($"tables              {await DocumentSeeder.TableSizesAsync(host)}");

        // Whatever the seeding woke (the outbox signal) passes first, and the runtime's background
        // work after it (tiered JIT, collections) with one poll interval.
        await DocumentSeeder.DrainOutboxAsync(host);
        await Task.Delay(poll);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        host.Commands.TakeStatements();
        host.Commands.Recording = true;
        var loadBefore = Proc.LoadAverage();
        var before = Tally.Take(host, emulator, worker);
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        var spent = Tally.Take(host, emulator, worker) - before;
        host.Commands.Recording = false;
        var statements = host.Commands.TakeStatements();

        var cycles = spent.Wall / poll;
        var result = new IdleResult(exported, spent.Wall, cycles, spent, statements);
        Console.WriteLine($"cycles              {cycles:F1} (wall time / poll interval) in {spent.Wall.TotalSeconds:F1} s; rounds run {spent.Rounds}");
        Console.WriteLine($"Dropbox requests    {spent.Requests.Total} ({result.RequestsPerCycle:F2} per cycle){(spent.Requests.Total > 0 ? ": " + spent.Requests.Describe() : "")}");
        Console.WriteLine($"database commands   {spent.Commands} ({result.CommandsPerCycle:F1} per cycle, {spent.DatabaseBusy.TotalMilliseconds / cycles:F2} ms per cycle in the database client):");
        foreach (var (statement, count) in statements)
        {
            Console.WriteLine($"  {count,5} x {statement}");
        }
        Console.WriteLine($"CPU                 DocSync process {spent.Cpu.TotalMilliseconds:F0} ms ({result.CpuMsPerCycle:F1} ms per cycle, runtime housekeeping included), emulator {spent.EmulatorCpu.TotalMilliseconds:F0} ms; machine load average {loadBefore} before, {Proc.LoadAverage()} after");
        return result;
    }

    private static Task<int> ExportedDocumentsAsync(BenchHost host, Guid profileId) =>
        host.QueryAsync(db => db.ExportedFiles.Where(f => f.ProfileId == profileId).Select(f => f.DocumentId).Distinct().CountAsync());
}
