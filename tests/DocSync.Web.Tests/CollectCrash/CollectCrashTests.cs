using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using DocSync.Web.Tests.Export.Crash;
using Xunit.Abstractions;

namespace DocSync.Web.Tests.CollectCrash;

/// <summary>
/// The service is SIGKILLed at random moments while it collects (download, read, file, ledger, move
/// to Processed), again and again, with new files dropped between lives; after each kill no file is
/// in the inbox twice and every stored file is whole; in the end every dropped file is in the inbox
/// exactly once with its bytes and sits once in Processed.
/// </summary>
[Collection(CrashCollection.Name)]
[Trait("Category", "Crash")]
public sealed class CollectCrashTests(ITestOutputHelper output)
{
    private const int RequiredKills = 12;

    [Fact(Timeout = 8 * 60 * 1000)]
    public async Task Collecting_KilledWithSigkillAtRandomMoments_EveryFileOnceInTheInbox()
    {
        var seed = Environment.GetEnvironmentVariable("DOCSYNC_CRASH_SEED") is { Length: > 0 } given
            ? int.Parse(given, CultureInfo.InvariantCulture)
            : Random.Shared.Next();
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var clock = Stopwatch.StartNew();
        await using var world = await CollectCrashWorld.CreateAsync(seed);
        var kills = 0;
        var midWork = 0;
        try
        {
            await world.SeedAsync();
            await world.DropAsync(40);
            while (kills < RequiredKills && clock.Elapsed < TimeSpan.FromMinutes(5))
            {
                var before = await world.StateAsync();
                if (before.Collected >= world.Dropped.Count - 5)
                {
                    await world.DropAsync(random.Next(8, 15));
                }
                await world.MakeRunDueAsync();
                await world.StartChildAsync(kills + 1);
                // Most kills land after a few files of the run were moved to Processed (mid-run, between
                // any two steps of a file); the others soon after the service first talks to Dropbox.
                var moves = random.Next(4) == 0 ? 0 : random.Next(1, 6);
                var start = world.StoreChanges;
                var watch = Stopwatch.StartNew();
                await Task.WhenAny(world.DropboxCalled, Task.Delay(TimeSpan.FromSeconds(30)));
                while (world.StoreChanges - start < moves && watch.Elapsed < TimeSpan.FromSeconds(30))
                {
                    await Task.Delay(10);
                }
                await Task.Delay(random.Next(0, 400));
                var killed = await world.KillChildAsync();
                kills++;

                var (items, collected, _) = await world.StateAsync();
                if (collected < world.Dropped.Count)
                {
                    midWork++;
                }
                output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: kill {kills}: {items.Count} items, {collected} collected of {world.Dropped.Count} dropped");
                killed.ShouldBeTrue($"seed {seed}, life {kills}: the service exited on its own (see {world.Log.Path})");
                items.Count.ShouldBe(items.Distinct().Count(), $"seed {seed}, kill {kills}: a file is in the inbox twice");
                items.ShouldAllBe(sha => world.Dropped.ContainsKey(sha), $"seed {seed}, kill {kills}: an item that was never dropped");
                foreach (var sha in items)
                {
                    Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(world.BlobPath(sha)))).ShouldBe(sha, $"seed {seed}: a stored file is not whole");
                }
            }
            kills.ShouldBeGreaterThanOrEqualTo(RequiredKills);
            midWork.ShouldBeGreaterThanOrEqualTo(RequiredKills / 2, $"seed {seed}: too few kills landed while files were waiting");

            // One last life, left to finish.
            await world.MakeRunDueAsync();
            await world.StartChildAsync(kills + 1);
            var waited = Stopwatch.StartNew();
            var state = await world.StateAsync();
            while (waited.Elapsed < TimeSpan.FromSeconds(90) && (state.Collected < world.Dropped.Count || world.ServerFiles().Any(f => !f.Path.Contains("/processed/", StringComparison.Ordinal))))
            {
                await Task.Delay(300);
                if (waited.Elapsed.TotalSeconds % 10 < 0.3)
                {
                    await world.MakeRunDueAsync();
                }
                state = await world.StateAsync();
            }
            (await world.KillChildAsync()).ShouldBeTrue($"seed {seed}: the service exited on its own in its last life");

            state.ItemHashes.Order().ShouldBe(world.Dropped.Keys.Order(), $"seed {seed}: every dropped file exactly once in the inbox, with its bytes");
            var server = world.ServerFiles();
            server.Count.ShouldBe(world.Dropped.Count, $"seed {seed}: a file was lost or copied in Dropbox");
            server.ShouldAllBe(f => f.Path.StartsWith(CollectCrashWorld.DropFolder.ToLowerInvariant() + "/processed/", StringComparison.Ordinal),
                $"seed {seed}: a collected file was not moved to Processed");
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: {kills} kills ({midWork} mid-work), {world.Dropped.Count} files each collected once");
        }
        catch
        {
            world.KeepFolder = true;
            output.WriteLine($"seed {seed}, {kills} kills; folder kept: {world.Folder}");
            output.WriteLine(world.Log.Tail());
            throw;
        }
    }
}
