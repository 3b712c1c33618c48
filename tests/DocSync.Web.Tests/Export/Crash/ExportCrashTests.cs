using System.Diagnostics;
using System.Globalization;
using Xunit.Abstractions;

namespace DocSync.Web.Tests.Export.Crash;

/// <summary>
/// The service is killed with SIGKILL at random moments during a backfill and the continuous export
/// after it, again and again; after each restart it resumes, and in the end every document is in
/// Dropbox exactly once with its current content. No file at a final path is ever partial.
/// Seeded: set DOCSYNC_CRASH_SEED to replay a seed (the kill timing still varies with the machine).
/// </summary>
[Collection(CrashCollection.Name)]
[Trait("Category", "Crash")]
public sealed class ExportCrashTests(ITestOutputHelper output)
{
    private const int Invoices = 270;
    private const int CreditNotes = 30;
    private const int Quotes = 10;
    private const int RequiredKills = 50;
    private const int MaxKills = 150;

    /// <summary>When the queue is this short before a life, more changes are made so the kill lands mid-work.</summary>
    private const int FeedBelow = 40;

    /// <summary>A cap, not a target: most of a life is the service starting (about 3 s of CPU).</summary>
    private static readonly TimeSpan CrashLoopBudget = TimeSpan.FromMinutes(8);

    [Fact(Timeout = 11 * 60 * 1000)]
    public async Task Backfill_KilledWithSigkillAtRandomMoments_ResumesAndExportsEveryDocumentExactlyOnce()
    {
        var seed = Environment.GetEnvironmentVariable("DOCSYNC_CRASH_SEED") is { Length: > 0 } given
            ? int.Parse(given, CultureInfo.InvariantCulture)
            : Random.Shared.Next();
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var clock = Stopwatch.StartNew();
        await using var world = await CrashWorld.CreateAsync(seed);
        var oracle = new ExportOracle(world);
        int kills = 0, killsMidWork = 0;
        try
        {
            await world.SeedAsync(Invoices, CreditNotes, Quotes);
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: seeded {Invoices + CreditNotes + Quotes} documents; {await world.QueueAsync()}");

            var loop = Stopwatch.StartNew();
            while ((kills < RequiredKills || killsMidWork < RequiredKills) && kills < MaxKills && loop.Elapsed < CrashLoopBudget)
            {
                var life = kills + 1;
                var before = await world.QueueAsync();
                var window = TimeSpan.FromMilliseconds(random.Next(200, 1501));
                // Most kills are timed from the life's first Dropbox call, so they land inside rounds (a cold
                // first round takes longer than the whole window after /health); the rest from /health.
                var fromFirstCall = random.Next(4) != 0;
                // Changes made while the service starts: always once the backfill is (nearly) done, so later
                // kills still land mid-work; now and then before.
                var (edits, creates) = before.Pending + before.Outbox < FeedBelow ? (25, 5) : random.Next(3) == 0 ? (3, 2) : (0, 0);
                var changes = world.EditAsync(new Random(random.Next()), edits, creates);

                await world.StartChildAsync(life);
                var from = "/health";
                if (fromFirstCall)
                {
                    from = await Task.WhenAny(world.DropboxCalled, Task.Delay(TimeSpan.FromSeconds(30))) == world.DropboxCalled ? "first Dropbox call" : "/health + 30 s";
                }
                await Task.Delay(window);
                var killed = await world.KillChildAsync();
                kills++;
                await changes.WaitAsync(TimeSpan.FromMinutes(2));

                // The child is gone and only it removes tasks: what is pending now was pending at the kill.
                var after = await world.QueueAsync();
                if (after.Pending > 0)
                {
                    killsMidWork++;
                }
                var files = world.ServerFiles();
                var problems = await oracle.CheckAtKillAsync(files);
                output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: kill {kills}, {window.TotalMilliseconds} ms after {from} ({edits} edits, {creates} new): "
                    + $"{after}, {files.Count} files in Dropbox");
                killed.ShouldBeTrue($"seed {seed}, life {life}: the service exited on its own before its kill (see the log)");
                problems.ShouldBeEmpty($"seed {seed}, kill {kills}: Dropbox and the database disagree");
                after.Dead.ShouldBe(0, $"seed {seed}, kill {kills}: tasks went to the dead-letter list");
            }

            kills.ShouldBeGreaterThanOrEqualTo(RequiredKills, $"seed {seed}: only {kills} kills in {CrashLoopBudget}");
            killsMidWork.ShouldBeGreaterThanOrEqualTo(RequiredKills, $"seed {seed}: only {killsMidWork} of {kills} kills landed while tasks were pending");

            // One last life, left to finish.
            await world.StartChildAsync(kills + 1);
            var settled = await SettleAsync(world, TimeSpan.FromSeconds(60));
            (await world.KillChildAsync()).ShouldBeTrue($"seed {seed}: the service exited on its own in its last life (see the log)");
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: settled: {settled}");
            settled.Drained.ShouldBeTrue($"seed {seed}: the queue did not drain after {kills} kills: {settled}");
            settled.Dead.ShouldBe(0, $"seed {seed}: tasks in the dead-letter list");
            var final = await oracle.CheckFinalAsync(world.ServerFiles());
            final.ShouldBeEmpty($"seed {seed}, after {kills} kills ({killsMidWork} mid-work)");
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: {kills} kills, {killsMidWork} while tasks were pending; final state verified");
        }
        catch
        {
            await ReportFailureAsync(world, $"seed {seed}, {kills} kills ({killsMidWork} mid-work)");
            throw;
        }
    }

    /// <summary>Keeps the folder (database, blobs, log) with a listing of Dropbox beside it, and prints the log's tail.</summary>
    private async Task ReportFailureAsync(CrashWorld world, string summary)
    {
        world.KeepFolder = true;
        output.WriteLine($"{summary}; folder kept: {world.Folder}");
        try
        {
            var listing = Path.Combine(world.Folder, "dropbox-files.txt");
            await File.WriteAllLinesAsync(listing, world.ServerFiles().OrderBy(f => f.Path, StringComparer.Ordinal)
                .Select(f => $"{f.Path}\t{f.Id}\t{f.Rev}\t{f.Size}\t{f.ContentHash}"));
            output.WriteLine($"queue {await world.QueueAsync()}; Dropbox listed in {listing}");
        }
        catch (Exception e)
        {
            // The original failure matters more than the report.
            output.WriteLine($"(could not describe the state: {e.Message})");
        }
        output.WriteLine("--- service log (tail) ---");
        output.WriteLine(world.Log.Tail());
    }

    /// <summary>Polls the database until the outbox is drained and no live task is left (twice in a row), or <paramref name="timeout"/>.</summary>
    private static async Task<QueueState> SettleAsync(CrashWorld world, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        var quiet = 0;
        var state = await world.QueueAsync();
        while (waited.Elapsed < timeout && quiet < 2 && world.Child is { HasExited: false })
        {
            await Task.Delay(200);
            state = await world.QueueAsync();
            quiet = state.Drained ? quiet + 1 : 0;
        }
        return state;
    }
}
