using DocSync.Core.Collect;
using DocSync.Core.Persistence;
using DocSync.Core.Sync;
using DocSync.Core.Tests.Infrastructure;
using DocSync.Dropbox.Emulator.Faults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace DocSync.Core.Tests.Collect;

/// <summary>
/// A file whose download failed is tried again by the next run of any kind once its backoff is over
/// (not only by "Run now"), and the history and the ledger say when (issue 10, item 7).
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class CollectRetryTests(DatabaseFixture fixture)
{
    private static readonly TimeSpan First = TimeSpan.FromMinutes(10);

    private static void Backoff(CollectOptions o)
    {
        o.FirstRetryDelay = First;
        o.MaxRetryDelay = TimeSpan.FromHours(1);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_failed_download_is_retried_by_the_next_real_time_run_after_its_backoff(DatabaseProvider provider)
    {
        await using var h = await CollectHarness.StartAsync(fixture, provider, Backoff);
        var channel = await h.CreateChannelAsync();
        (await h.RunAsync(channel.Id)).ShouldNotBeNull(); // keeps a cursor
        await h.PutAsync("/Drop/invoice.pdf", h.InvoicePdf());

        h.Faults(1, new FaultRule(FaultKind.ServiceUnavailable, "files/download"));
        var failed = await h.RunAsync(channel.Id, CollectTrigger.RealTime);
        failed!.Failed.ShouldBe(1);
        var row = (await h.LedgerAsync()).Single();
        row.Status.ShouldBe(CollectedFileStatus.Failed);
        row.Reason.ShouldBe(CollectReasons.DropboxFailed);
        row.NextAttemptAt.ShouldNotBeNull();
        var wait = row.NextAttemptAt!.Value - h.Host.Time.GetUtcNow();
        wait.ShouldBeInRange(First * 0.75, First * 1.25);
        var line = (await h.RunFilesAsync(failed.Id)).Single();
        line.Detail.ShouldNotBeNull().ShouldContain(DocSync.Core.Collect.History.RunRecorder.RetryNote(1, row.NextAttemptAt.Value), Case.Sensitive, "the history says when it is tried again");
        (await h.ChannelAsync(channel.Id)).RecheckAt.ShouldBe(row.NextAttemptAt, "the worker runs the channel when the retry falls due");

        // Dropbox is fine again, but the backoff is not over: neither kind of run hammers it.
        h.Faults(1);
        (await h.RunAsync(channel.Id, CollectTrigger.RealTime))!.Collected.ShouldBe(0);
        (await h.RunAsync(channel.Id, CollectTrigger.Scheduled))!.Collected.ShouldBe(0);
        (await h.InboxAsync()).ShouldBeEmpty();

        // Once it is over, a real-time run (whose cursor no longer shows the file) takes it.
        h.Host.Time.Advance(First * 1.3);
        var retried = await h.RunAsync(channel.Id, CollectTrigger.RealTime);
        retried!.Collected.ShouldBe(1);
        (await h.InboxAsync()).Count.ShouldBe(1);
        var done = (await h.LedgerAsync()).Single();
        done.Status.ShouldBe(CollectedFileStatus.Collected);
        done.NextAttemptAt.ShouldBeNull();
        (await h.ChannelAsync(channel.Id)).RecheckAt.ShouldBeNull();
    }

    [Fact]
    public async Task Failures_in_a_row_back_off_further_and_Run_now_takes_the_file_at_once()
    {
        await using var h = await CollectHarness.StartAsync(fixture, DatabaseProvider.Sqlite, Backoff);
        var channel = await h.CreateChannelAsync();
        await h.PutAsync("/Drop/invoice.pdf", h.InvoicePdf());
        h.Faults(2, new FaultRule(FaultKind.InternalServerError, "files/download"));
        await h.RunAsync(channel.Id, CollectTrigger.Manual);
        var first = (await h.LedgerAsync()).Single();
        h.Host.Time.Advance(First * 1.3);
        await h.RunAsync(channel.Id, CollectTrigger.Scheduled);
        var second = (await h.LedgerAsync()).Single();
        second.Attempts.ShouldBe(2);
        (second.NextAttemptAt!.Value - h.Host.Time.GetUtcNow()).ShouldBeGreaterThan(First * 2, "the second failure waits about three times as long");
        first.Attempts.ShouldBe(1);

        h.Faults(2);
        (await h.RunAsync(channel.Id, CollectTrigger.Manual))!.Collected.ShouldBe(1, "a person asking does not wait for the backoff");
    }

    [Fact]
    public async Task The_connection_page_reads_the_channel_loop_state()
    {
        await using var h = await CollectHarness.StartAsync(fixture, DatabaseProvider.Sqlite, Backoff);
        var channel = await h.CreateChannelAsync();
        await h.RunAsync(channel.Id);
        await using (var unit = h.Host.Scope(h.Owner))
        {
            var loop = (await unit.ServiceProvider.GetRequiredService<SyncLoopStatus>().ForConnectionAsync(h.ConnectionId)).Single();
            loop.Engine.ShouldBe(SyncEngine.Collect);
            loop.Key.ShouldBe(channel.Id);
            loop.State.ShouldBe(SyncLoopState.Idle);
        }

        // The source folder goes: the run pauses the channel, and its loop says so.
        await h.Alice.DeleteAsync("/Drop");
        await h.RunAsync(channel.Id);
        await using (var unit = h.Host.Scope(h.Owner))
        {
            var loop = (await unit.ServiceProvider.GetRequiredService<SyncLoopStatus>().ForConnectionAsync(h.ConnectionId)).Single();
            loop.State.ShouldBe(SyncLoopState.Paused);
            loop.Detail.ShouldNotBeNull().ShouldContain("/Drop");
            (await unit.ServiceProvider.GetRequiredService<DocSyncDbContext>().SyncLoops.CountAsync()).ShouldBe(1);
        }
    }
}
