using System.Diagnostics;
using DocSync.Core.Collect;
using DocSync.Core.Persistence;
using DocSync.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DocSync.Core.Tests.Collect;

/// <summary>The worker on the real clock: a drop is collected within seconds (longpoll), a webhook wakes channels, schedules run when due.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class CollectWorkerTests(DatabaseFixture fixture)
{
    [Fact]
    public async Task In_near_real_time_a_dropped_file_is_in_the_inbox_within_seconds()
    {
        await using var h = await CollectHarness.StartAsync(fixture, DatabaseProvider.Sqlite, o =>
        {
            o.PollInterval = TimeSpan.FromMilliseconds(200);
            o.LongpollTimeout = TimeSpan.FromSeconds(30);
        }, realTime: true);
        var channel = await h.CreateChannelAsync(i => i with { NearRealTime = true });
        var worker = h.Host.Get<CollectWorker>();
        using var stop = new CancellationTokenSource();
        var running = worker.RunAsync(stop.Token);
        try
        {
            await WaitAsync(() => Task.FromResult(worker.Watched.Contains(channel.Id) && Cursor(h, channel.Id) is not null), "the channel is watched");

            var clock = Stopwatch.StartNew();
            await h.PutAsync("/Drop/dropped.pdf", h.InvoicePdf("F2026-0900"));
            await WaitAsync(async () => (await h.InboxAsync()).Count == 1, "the dropped file is collected");
            clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20));

            var runs = await h.InCompanyAsync(db => db.CollectionRuns.AsNoTracking().Where(r => r.Collected > 0).ToListAsync());
            runs.Single().Trigger.ShouldBe(CollectTrigger.RealTime);
        }
        finally
        {
            await stop.CancelAsync();
            await running;
        }
    }

    [Fact]
    public async Task A_webhook_for_the_account_runs_its_near_real_time_channels_and_a_due_schedule_runs()
    {
        await using var h = await CollectHarness.StartAsync(fixture, DatabaseProvider.Sqlite, o => o.PollInterval = TimeSpan.FromMilliseconds(200), realTime: true);
        var watched = await h.CreateChannelAsync(i => i with { NearRealTime = true });
        var daily = await h.CreateChannelAsync(i => i with { NearRealTime = false, SourcePath = "/Daily" });
        await h.Alice.CreateFolderAsync("/Daily");
        var worker = h.Host.Get<CollectWorker>();
        using var stop = new CancellationTokenSource();
        var running = worker.RunAsync(stop.Token);
        try
        {
            await h.PutAsync("/Daily/a.pdf", h.InvoicePdf());
            var account = h.Emulator.Account(Dropbox.Emulator.Model.WorldSeeder.AliceEmail).AccountId;
            (await worker.NotifyAccountsAsync([account, "dbid:someone-else"])).ShouldBe(1);
            (await worker.NotifyAccountsAsync(["dbid:someone-else"])).ShouldBe(0);

            // The daily channel waits for its hour; making it due runs it.
            await Task.Delay(500);
            (await h.InboxAsync()).ShouldBeEmpty();
            await h.InCompanyAsync(db => db.CollectionChannels.Where(c => c.Id == daily.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.NextRunAt, DateTimeOffset.UtcNow.AddSeconds(-1))));
            await WaitAsync(async () => (await h.InboxAsync()).Count == 1, "the due channel runs");
            // Then its next run is the next occurrence of its schedule (06:00 in Brussels), not now again.
            await WaitAsync(async () => (await h.ChannelAsync(daily.Id)).NextRunAt > DateTimeOffset.UtcNow.AddHours(1), "the next run is rescheduled");
            (await h.ChannelAsync(watched.Id)).Cursor.ShouldNotBeNull();
        }
        finally
        {
            await stop.CancelAsync();
            await running;
        }
    }

    private static string? Cursor(CollectHarness h, Guid channelId) => h.ChannelAsync(channelId).GetAwaiter().GetResult().Cursor;

    private static async Task WaitAsync(Func<Task<bool>> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60), what);
            await Task.Delay(50);
        }
    }
}
