using System.Diagnostics;

namespace DocSync.Web.Tests.Export.Crash;

/// <summary>
/// The kill that matters most, made deterministic: the service dies the moment Dropbox has committed
/// a round's uploads, before it records them. Found by <see cref="ExportCrashTests"/> (seed 1003194532,
/// kills 33 to 36): a document renumbered before the next round ends up in Dropbox twice.
/// </summary>
[Collection(CrashCollection.Name)]
[Trait("Category", "Crash")]
public sealed class CommittedNotRecordedTests
{
    [Fact]
    public async Task Upload_KilledBetweenDropboxCommitAndRecord_ThenRenumbered_LeavesNoFileAtTheOldPath()
    {
        await using var world = await CrashWorld.CreateAsync(seed: 1);
        await world.SeedAsync(invoices: 1, creditNotes: 0, quotes: 0);
        var committed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        world.Emulator.State.StoreChanged += _ => committed.TrySetResult();

        await world.StartChildAsync(1);
        (await Task.WhenAny(committed.Task, Task.Delay(TimeSpan.FromSeconds(60)))).ShouldBe(committed.Task, "the service uploaded nothing");
        (await world.KillChildAsync()).ShouldBeTrue();
        world.ServerFiles().Count.ShouldBe(2, "the PDF and the UBL are committed in one finish_batch");
        (await world.QueueAsync()).Exported.ShouldBe(0, "the kill was meant to land before the round was recorded");

        await world.EditAsync(world.Exportable.Single(), renumber: true);
        await world.StartChildAsync(2);
        var waited = Stopwatch.StartNew();
        while (!(await world.QueueAsync()).Drained && waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(200);
        }
        (await world.KillChildAsync()).ShouldBeTrue();

        var problems = await new ExportOracle(world).CheckFinalAsync(world.ServerFiles());
        problems.ShouldBeEmpty();
    }
}
