using DocSync.Core.Export;
using DocSync.Core.Export.Presence;
using DocSync.Core.Persistence;
using DocSync.Core.Sync;
using DocSync.Core.Sync.Changes;
using DocSync.Dropbox.Emulator.Model;
using DocSync.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DocSync.Core.Tests.Export.Engine;

/// <summary>Export checks that its files are still in Dropbox: deleted ones are put back, many at once wait for a person, moved ones are left alone.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class PresenceCheckTests(DatabaseFixture fixture)
{
    private const string First = "/docsync/2025/invoices/f-1 librairie dupont sarl.pdf";

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_file_deleted_in_Dropbox_is_put_back_with_its_content(DatabaseProvider provider)
    {
        await using var h = await ExportHarness.StartAsync(fixture, provider);
        await h.CreateDocumentAsync("F-1");
        await h.CreateDocumentAsync("F-2");
        await h.CreateProfileAsync();
        await h.RunUntilIdleAsync();
        var before = h.ServerFiles();
        before.Count.ShouldBe(4);
        (await CheckAsync(h)).ShouldBe(new PresenceCheckResult(1, 0, 0, 0)); // the first check lists the folder and keeps a cursor

        var alice = h.Alice();
        await alice.DeleteAsync(First);
        await alice.DeleteAsync(Path.ChangeExtension(First, ".xml"));
        h.ServerFiles().ShouldNotContainKey(First);
        (await ProfileViewAsync(h)).Exported.ShouldBe(2);

        (await CheckAsync(h)).PutBack.ShouldBe(2);
        (await ProfileViewAsync(h)).Exported.ShouldBe(1, "a document gone from Dropbox is not counted as there");
        await h.RunUntilIdleAsync();

        var after = h.ServerFiles();
        after.Keys.ShouldBe(before.Keys, ignoreOrder: true);
        after[First].Hash.ShouldBe(before[First].Hash);
        (await ProfileViewAsync(h)).Exported.ShouldBe(2);
        var log = await h.LogAsync();
        log.ShouldContain(e => e.Action == SyncAction.Missing && e.Outcome == SyncOutcome.Warning && e.Path!.EndsWith("f-1 librairie dupont sarl.pdf", StringComparison.OrdinalIgnoreCase));
        log.Last(e => e.Path!.EndsWith("f-1 librairie dupont sarl.pdf", StringComparison.OrdinalIgnoreCase)).Action.ShouldBe(SyncAction.Upload);
        (await CheckAsync(h)).ShouldBe(new PresenceCheckResult(1, 0, 0, 0), "putting it back is not itself a deletion");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_first_check_finds_files_deleted_before_any_cursor_existed(DatabaseProvider provider)
    {
        await using var h = await ExportHarness.StartAsync(fixture, provider);
        await h.CreateDocumentAsync("F-1");
        await h.CreateProfileAsync();
        await h.RunUntilIdleAsync();

        await h.Alice().DeleteAsync(First);
        (await CheckAsync(h)).PutBack.ShouldBe(1);
        await h.RunUntilIdleAsync();

        h.ServerFiles().ShouldContainKey(First);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_file_a_person_moved_or_renamed_is_not_put_back_as_a_second_copy(DatabaseProvider provider)
    {
        await using var h = await ExportHarness.StartAsync(fixture, provider);
        await h.CreateDocumentAsync("F-1");
        await h.CreateProfileAsync();
        await h.RunUntilIdleAsync();
        await CheckAsync(h);

        await h.Alice().MoveAsync(First, "/DocSync/2025/invoices/renamed by hand.pdf");
        (await CheckAsync(h)).ShouldBe(new PresenceCheckResult(1, 0, 0, 0));
        await h.RunUntilIdleAsync();

        var files = h.ServerFiles();
        files.ShouldNotContainKey(First);
        files.ShouldContainKey("/docsync/2025/invoices/renamed by hand.pdf");
        files.Count.ShouldBe(2);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Many_files_gone_at_once_wait_for_a_person_then_all_come_back(DatabaseProvider provider)
    {
        await using var h = await ExportHarness.StartAsync(fixture, provider, o => o.AskBeforePuttingBack = 3);
        for (var i = 1; i <= 3; i++)
        {
            await h.CreateDocumentAsync($"F-{i}");
        }
        var profile = await h.CreateProfileAsync();
        await h.RunUntilIdleAsync();
        var before = h.ServerFiles();
        before.Count.ShouldBe(6);
        await CheckAsync(h);

        await h.Alice().DeleteAsync("/DocSync/2025"); // the whole year folder, by hand

        (await CheckAsync(h)).ShouldBe(new PresenceCheckResult(1, 0, 6, 0));
        await h.RunUntilIdleAsync();
        h.ServerFiles().ShouldBeEmpty("nothing is put back unasked when many files went at once");
        var view = await ProfileViewAsync(h);
        view.Missing.ShouldBe(6);
        view.Exported.ShouldBe(0);
        (await CheckAsync(h)).Held.ShouldBe(0, "files held once are not counted again");

        await using (var unit = h.Host.Scope(h.Owner))
        {
            (await unit.ServiceProvider.GetRequiredService<ExportService>().PutBackMissingAsync(profile.Profile.Id)).ShouldBe(6);
        }
        await h.RunUntilIdleAsync();

        var after = h.ServerFiles();
        after.Keys.ShouldBe(before.Keys, ignoreOrder: true);
        after.ShouldAllBe(f => f.Value.Hash == before[f.Key].Hash);
        view = await ProfileViewAsync(h);
        view.Missing.ShouldBe(0);
        view.Exported.ShouldBe(3);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Held_files_restored_by_hand_in_Dropbox_are_simply_there_again(DatabaseProvider provider)
    {
        await using var h = await ExportHarness.StartAsync(fixture, provider, o => o.AskBeforePuttingBack = 0);
        await h.CreateDocumentAsync("F-1");
        await h.CreateProfileAsync();
        await h.RunUntilIdleAsync();
        await CheckAsync(h);
        var alice = h.Alice();
        await alice.MoveAsync(First, "/Elsewhere/f-1.pdf");
        // Moved out of the export folder: for the folder's changes it is a deletion.
        (await CheckAsync(h)).Held.ShouldBe(1);

        await alice.MoveAsync("/Elsewhere/f-1.pdf", First);
        (await CheckAsync(h)).Back.ShouldBe(1);

        (await ProfileViewAsync(h)).Missing.ShouldBe(0);
        await h.RunUntilIdleAsync();
        h.ServerFiles().Count.ShouldBe(2);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_profile_still_copying_existing_documents_is_not_checked(DatabaseProvider provider)
    {
        await using var h = await ExportHarness.StartAsync(fixture, provider);
        await h.CreateDocumentAsync("F-1");
        await h.CreateProfileAsync();

        (await CheckAsync(h)).Profiles.ShouldBe(0);
        await using var unit = h.Host.Scope(h.Owner);
        (await unit.ServiceProvider.GetRequiredService<DocSyncDbContext>().SyncCursors.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_Dropbox_webhook_for_the_account_wakes_Export_which_puts_a_deleted_file_back_within_seconds()
    {
        await using var h = await ExportHarness.StartAsync(fixture, DatabaseProvider.Sqlite, o =>
        {
            o.PollInterval = TimeSpan.FromMilliseconds(100);
            o.CheckInterval = TimeSpan.Zero; // only the webhook may wake the check
        }, realTime: true);
        await h.CreateDocumentAsync("F-1");
        await h.CreateProfileAsync();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var worker = h.Host.Get<SyncWorker>();
        var checks = 0;
        worker.CheckFinished += (_, _) => Interlocked.Increment(ref checks);
        var running = worker.RunAsync(stop.Token);
        try
        {
            await WaitAsync(async () => h.ServerFiles().Count == 2 && (await ProfileViewAsync(h)).Backfill?.CompletedAt is not null, stop.Token);
            var changes = h.Host.Get<AccountChanges>();
            var account = h.Emulator.Account(WorldSeeder.AliceEmail).AccountId;
            (await changes.NotifyAsync(["dbid:someone-else"])).ShouldBe(0);
            (await changes.NotifyAsync([account])).ShouldBeGreaterThanOrEqualTo(1); // Export's loop (Collect has no channel here)
            await WaitAsync(() => Task.FromResult(Volatile.Read(ref checks) >= 1), stop.Token); // the first check keeps a cursor

            await h.Alice().DeleteAsync(First);
            (await changes.NotifyAsync([account])).ShouldBeGreaterThanOrEqualTo(1);

            await WaitAsync(() => Task.FromResult(h.ServerFiles().ContainsKey(First)), stop.Token);
            (await h.LogAsync()).ShouldContain(e => e.Action == SyncAction.Missing);
        }
        finally
        {
            await stop.CancelAsync();
            await running;
        }
    }

    private static async Task WaitAsync(Func<Task<bool>> done, CancellationToken cancellationToken)
    {
        while (!await done())
        {
            await Task.Delay(50, cancellationToken);
        }
    }

    private static async Task<PresenceCheckResult> CheckAsync(ExportHarness h)
    {
        await using var unit = h.Host.Scope(h.Owner);
        return await unit.ServiceProvider.GetRequiredService<PresenceCheck>().RunAsync(h.ConnectionId, h.ConnectedClient(), CancellationToken.None);
    }

    private static async Task<ExportProfileView> ProfileViewAsync(ExportHarness h)
    {
        await using var unit = h.Host.Scope(h.Owner);
        return (await unit.ServiceProvider.GetRequiredService<ExportService>().ListProfilesAsync(h.ConnectionId)).Single();
    }
}
