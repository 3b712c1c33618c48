using DocSync.Core.Collect;
using DocSync.Core.Connections;
using DocSync.Core.Persistence;
using DocSync.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DocSync.Core.Tests.Collect;

/// <summary>What a channel says about itself: never "active" while its connection is not, and a history without empty wake-ups.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class CollectChannelStateTests(DatabaseFixture fixture)
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_channel_on_a_paused_or_disconnected_connection_is_not_collecting(DatabaseProvider provider)
    {
        await using var h = await CollectHarness.StartAsync(fixture, provider);
        var channel = await h.CreateChannelAsync();
        (await InfoAsync(h, channel.Id)).Collecting.ShouldBeTrue();

        await using (var unit = h.Host.Scope(h.Owner))
        {
            await unit.ServiceProvider.GetRequiredService<ConnectionService>().SetPausedAsync(h.ConnectionId, true);
        }
        var paused = await InfoAsync(h, channel.Id);
        (paused.Enabled, paused.Problem, paused.ConnectionState, paused.Collecting).ShouldBe((true, null, ConnectionState.Paused, false));

        await using (var unit = h.Host.Scope(h.Owner))
        {
            await unit.ServiceProvider.GetRequiredService<ConnectionService>().DisconnectAsync(h.ConnectionId);
        }
        var disconnected = await InfoAsync(h, channel.Id);
        (disconnected.ConnectionState, disconnected.Collecting).ShouldBe((ConnectionState.Disconnected, false));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_real_time_wake_up_that_finds_nothing_leaves_no_history_but_one_that_waits_does(DatabaseProvider provider)
    {
        await using var h = await CollectHarness.StartAsync(fixture, provider, o => o.StableAge = TimeSpan.FromHours(1));
        var channel = await h.CreateChannelAsync();
        await h.RunAsync(channel.Id); // the first, scheduled look keeps a cursor

        var empty = await h.RunAsync(channel.Id, CollectTrigger.RealTime);
        empty!.Seen.ShouldBe(0);
        var history = await h.InCompanyAsync(db => db.CollectionRuns.AsNoTracking().Select(r => r.Trigger).ToListAsync());
        history.ShouldBe([CollectTrigger.Scheduled]);

        await h.PutAsync("/Drop/scan.pdf", h.InvoicePdf());
        (await h.RunAsync(channel.Id, CollectTrigger.RealTime))!.Waiting.ShouldBe(1);
        (await h.RunAsync(channel.Id, CollectTrigger.Recheck))!.Collected.ShouldBe(1);

        history = await h.InCompanyAsync(db => db.CollectionRuns.AsNoTracking().OrderBy(r => r.StartedAt).Select(r => r.Trigger).ToListAsync());
        history.ShouldBe([CollectTrigger.Scheduled, CollectTrigger.RealTime, CollectTrigger.Recheck]);
        (await h.RunAsync(channel.Id, CollectTrigger.Scheduled))!.Seen.ShouldBe(1);
        (await h.InCompanyAsync(db => db.CollectionRuns.CountAsync())).ShouldBe(4, "a scheduled look is always history, even when nothing is new");
    }

    private static async Task<CollectionChannelInfo> InfoAsync(CollectHarness h, Guid channelId)
    {
        await using var unit = h.Host.Scope(h.Owner);
        return await unit.ServiceProvider.GetRequiredService<CollectService>().GetAsync(channelId);
    }
}
