using DocSync.Core.Access;
using DocSync.Core.Connections;
using DocSync.Core.Persistence;
using DocSync.Core.Sync;
using DocSync.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace DocSync.Core.Tests.Sync;

/// <summary>The kernel's lease across instances (two hosts on one database, one fake clock) and the loop state pages read.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class SyncLoopsTests(DatabaseFixture fixture)
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task One_instance_at_a_time_holds_a_loop_and_a_lease_that_ran_out_passes_to_another(DatabaseProvider provider)
    {
        await using var world = await World.StartAsync(fixture, provider);
        var a = world.A.Get<SyncLoops>();
        var b = world.B.Get<SyncLoops>();

        var held = await world.TakeAsync(a, "a");
        held.ShouldNotBeNull();
        (await world.TakeAsync(b, "b")).ShouldBeNull("a holds it");
        (await world.StateAsync()).State.ShouldBe(SyncLoopState.Listing);

        // The holder's process stops answering (a renewal never comes): its lease runs out and b takes the loop.
        await world.ExpireAsync();
        var taken = await world.TakeAsync(b, "b");
        taken.ShouldNotBeNull();
        await taken.DisposeAsync();
        (await world.TakeAsync(a, "a")).ShouldNotBeNull("released: free at once");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_held_lease_is_renewed_while_the_work_runs_however_long_it_takes(DatabaseProvider provider)
    {
        await using var world = await World.StartAsync(fixture, provider);
        var a = world.A.Get<SyncLoops>();
        var b = world.B.Get<SyncLoops>();
        await using var held = await world.TakeAsync(a, "a");
        held.ShouldNotBeNull();

        // Five lease durations of work: the background renewal (every third of the lease) keeps it.
        var start = world.A.Time.GetUtcNow();
        while (world.A.Time.GetUtcNow() < start + (5 * Lease))
        {
            world.A.Time.Advance(TimeSpan.FromSeconds(5));
            var deadline = DateTime.UtcNow + Bound;
            // Renewed within the last two thirds? (A renewal timer set a moment after an advance fires at the next: nudge the clock.)
            while (await world.LeaseUntilAsync() is not { } until || until <= world.A.Time.GetUtcNow() + (Lease / 3))
            {
                DateTime.UtcNow.ShouldBeLessThan(deadline, "the lease was not renewed");
                await Task.Delay(10);
                world.A.Time.Advance(TimeSpan.FromSeconds(1));
            }
        }
        (await world.LeaseUntilAsync())!.Value.ShouldBeGreaterThan(start + (5 * Lease));
        (await world.TakeAsync(b, "b")).ShouldBeNull("still held after five durations");
        held.Lost.IsCancellationRequested.ShouldBeFalse();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_holder_that_lost_its_lease_is_told_and_does_not_release_the_new_holders(DatabaseProvider provider)
    {
        await using var world = await World.StartAsync(fixture, provider);
        var a = world.A.Get<SyncLoops>();
        var b = world.B.Get<SyncLoops>();
        var stale = await world.TakeAsync(a, "a");
        stale.ShouldNotBeNull();
        await world.ExpireAsync();
        var fresh = await world.TakeAsync(b, "b");
        fresh.ShouldNotBeNull();

        world.A.Time.Advance(Lease / 3 + TimeSpan.FromSeconds(1));
        await stale.Lost.WaitHandle.WaitOneAsync(Bound);
        await stale.DisposeAsync();
        (await world.TakeAsync(a, "a")).ShouldBeNull("b's lease is untouched by a's release");
        await fresh.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_loop_state_is_recorded_and_read_per_connection(DatabaseProvider provider)
    {
        await using var world = await World.StartAsync(fixture, provider);
        var loops = world.A.Get<SyncLoops>();
        var lease = await world.TakeAsync(loops, "a");
        lease.ShouldNotBeNull();
        await lease.SetAsync(SyncLoopState.Transferring);
        (await world.StateAsync()).State.ShouldBe(SyncLoopState.Transferring);
        lease.EndIn(SyncLoopState.Paused, "The source folder is gone.");
        await lease.DisposeAsync();
        var paused = await world.StateAsync();
        paused.State.ShouldBe(SyncLoopState.Paused);
        paused.Detail.ShouldBe("The source folder is gone.");

        await loops.RecordAsync(SyncEngine.Export, world.Key, world.Company.CompanyId, world.ConnectionId, SyncLoopState.NeedsRelink, "relink", CancellationToken.None);
        (await world.StateAsync()).State.ShouldBe(SyncLoopState.NeedsRelink);

        // A working state whose holder died (lease ran out) reads as idle, not as busy forever.
        var busy = await world.TakeAsync(loops, "a");
        busy.ShouldNotBeNull();
        await busy.SetAsync(SyncLoopState.Transferring);
        await world.ExpireAsync();
        (await world.StateAsync()).State.ShouldBe(SyncLoopState.Idle);
    }

    [Fact]
    public async Task Another_company_does_not_see_the_loops()
    {
        await using var world = await World.StartAsync(fixture, DatabaseProvider.Sqlite);
        (await world.TakeAsync(world.A.Get<SyncLoops>(), "a")).ShouldNotBeNull();
        var other = await world.A.NewCompanyAsync("Other BV", "other@example.be");
        await using var unit = world.A.Scope(other);
        (await unit.ServiceProvider.GetRequiredService<SyncLoopStatus>().ForConnectionAsync(world.ConnectionId)).ShouldBeEmpty();
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (!await condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the condition never held");
            await Task.Delay(10);
        }
    }

    private sealed class World : IAsyncDisposable
    {
        public TestHost A { get; private init; } = null!;

        public TestHost B { get; private init; } = null!;

        public CompanyScope Company { get; private init; } = null!;

        public Guid ConnectionId { get; private init; }

        public Guid Key { get; } = Guid.NewGuid();

        public static async Task<World> StartAsync(DatabaseFixture fixture, DatabaseProvider provider)
        {
            var a = await TestHost.StartAsync(fixture, provider);
            var b = TestHost.On(provider, a.ConnectionString, a.BlobRoot, time: a.Time);
            var company = await a.NewCompanyAsync();
            await using var unit = a.Scope(company);
            var connection = await unit.ServiceProvider.GetRequiredService<ConnectionService>().LinkAsync(
                new LinkRequest("Accounting", "/DocSync", "dbid:loops", "alice@example.be", "Alice", null, false, true, "refresh-token"));
            return new World { A = a, B = b, Company = company, ConnectionId = connection.Id };
        }

        public Task<LoopLease?> TakeAsync(SyncLoops loops, string owner) =>
            loops.TryTakeAsync(SyncEngine.Export, Key, Company.CompanyId, ConnectionId, new LeaseTerms(owner, Lease), SyncLoopState.Listing, TimeSpan.Zero,
                CancellationToken.None);

        public async Task<SyncLoopView> StateAsync()
        {
            await using var unit = A.Scope(Company);
            return (await unit.ServiceProvider.GetRequiredService<SyncLoopStatus>().ForConnectionAsync(ConnectionId)).Single(l => l.Key == Key);
        }

        public async Task<DateTimeOffset?> LeaseUntilAsync()
        {
            await using var unit = A.Scope(Company);
            return await unit.ServiceProvider.GetRequiredService<DocSyncDbContext>().SyncLoops.AsNoTracking().Where(l => l.Key == Key).Select(l => l.LeaseUntil).SingleAsync();
        }

        /// <summary>The holder's lease runs out without it noticing (its renewal is not due yet).</summary>
        public async Task ExpireAsync()
        {
            await using var unit = A.Scope(Company);
            var past = A.Time.GetUtcNow().AddSeconds(-1);
            await unit.ServiceProvider.GetRequiredService<DocSyncDbContext>().SyncLoops.Where(l => l.Key == Key)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.LeaseUntil, past));
        }

        public async ValueTask DisposeAsync()
        {
            await B.DisposeAsync();
            await A.DisposeAsync();
        }
    }
}

internal static class WaitHandleExtensions
{
    public static Task WaitOneAsync(this WaitHandle handle, TimeSpan timeout) =>
        Task.Run(() => handle.WaitOne(timeout).ShouldBeTrue("the lease was never reported lost"));
}
