using DocSync.Core.Collect;
using DocSync.Core.Persistence;
using DocSync.Core.Tests.Infrastructure;
using DocSync.Dropbox.Emulator.Faults;

namespace DocSync.Core.Tests.Collect;

/// <summary>Dropbox failing at random (seeded), files renamed and added meanwhile, cursors reset: still exactly once.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class CollectFaultTests(DatabaseFixture fixture)
{
    [Theory]
    [InlineData(11)]
    [InlineData(23)]
    [InlineData(37)]
    public async Task Faults_by_seed_each_file_collected_exactly_once_with_its_content(int seed)
    {
        await using var h = await CollectHarness.StartAsync(fixture, DatabaseProvider.Sqlite);
        var channel = await h.CreateChannelAsync(i => i with { AfterCollect = seed == 23 ? AfterCollect.MoveToProcessed : AfterCollect.Leave });
        var random = new Random(seed);
        var expected = new Dictionary<string, string>(); // sha256 → name
        async Task DropAsync(int count)
        {
            for (var i = 0; i < count; i++)
            {
                var pdf = h.InvoicePdf();
                var name = $"/Drop/{(random.Next(3) == 0 ? "Sub/" : "")}file {expected.Count:000}.pdf";
                await h.PutAsync(name, pdf);
                expected[Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf))] = name;
            }
        }

        await DropAsync(12);
        FaultRule[] faults =
        [
            new(FaultKind.TooManyRequests, "files/*", 0.08),
            new(FaultKind.TooManyWriteOperations, "files/move_v2", 0.2),
            new(FaultKind.InternalServerError, "*", 0.06),
            new(FaultKind.ServiceUnavailable, "files/list_folder*", 0.1),
            new(FaultKind.Reset, "files/download", 0.15),
            new(FaultKind.DropAfterApply, "files/move_v2", 0.15),
        ];
        h.Faults(seed, faults);
        for (var round = 0; round < 40; round++)
        {
            var trigger = round % 3 == 0 ? CollectTrigger.Scheduled : CollectTrigger.RealTime;
            await h.RunAsync(channel.Id, trigger);
            if (round == 2)
            {
                await DropAsync(6);
            }
            if (round == 4)
            {
                h.ResetCursors();
                await DropAsync(3);
            }
            if (round == 5 && seed != 23)
            {
                // The person renaming is not the one facing faults.
                h.Faults(seed);
                await h.Alice.MoveAsync(expected.Values.First(), "/Drop/Sub/renamed 000.pdf");
                h.Faults(seed + 1, faults);
            }
            if (round > 8 && (await h.LedgerAsync()).Count(f => f.Status == CollectedFileStatus.Collected) == expected.Count)
            {
                break;
            }
        }
        h.Faults(seed);
        await h.RunAsync(channel.Id);

        var items = await h.InboxAsync();
        items.Count.ShouldBe(expected.Count, $"seed {seed}");
        items.Select(i => i.Sha256).Order().ShouldBe(expected.Keys.Order(), $"seed {seed}: every file once, with its own bytes");
        (await h.LedgerAsync()).Count(f => f.Status == CollectedFileStatus.Collected).ShouldBe(expected.Count);
        if (seed == 23)
        {
            (await CollectEngineTests.ListAsync(h, "/Drop")).Count(p => !p.StartsWith("/drop/processed/", StringComparison.Ordinal)).ShouldBe(0, $"seed {seed}");
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_scheduled_run_and_a_manual_run_racing_collect_each_file_once(DatabaseProvider provider)
    {
        await using var h = await CollectHarness.StartAsync(fixture, provider, realTime: true);
        var channel = await h.CreateChannelAsync();
        for (var i = 0; i < 10; i++)
        {
            await h.PutAsync($"/Drop/race {i}.pdf", h.InvoicePdf());
        }
        await using var other = h.AnotherInstance(provider, o => o.StableAge = TimeSpan.Zero);

        var worker = h.Host.Get<CollectWorker>();
        var runs = await Task.WhenAll(
            worker.RunAsync(h.Owner.CompanyId, channel.Id, CollectTrigger.Scheduled, null, CancellationToken.None),
            worker.RunAsync(h.Owner.CompanyId, channel.Id, CollectTrigger.Manual, null, CancellationToken.None),
            other.Get<CollectWorker>().RunAsync(h.Owner.CompanyId, channel.Id, CollectTrigger.RealTime, null, CancellationToken.None));

        // Whichever got the channel first ran; the scheduled and real-time runs do not wait, the manual one does.
        runs[1].ShouldNotBeNull();
        runs.Where(r => r is not null).Sum(r => r!.Collected).ShouldBe(10);
        (await h.InboxAsync()).Count.ShouldBe(10);
    }
}

/// <summary>
/// The Nth-operation sweep: Dropbox fails from the service's Nth call on, for every N until a run
/// needs fewer calls; after the failure is removed one clean run converges: each file once in the
/// inbox, each moved once to Processed, nothing left behind.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class CollectFaultSweepTests(DatabaseFixture fixture)
{
    [Fact]
    public async Task Failing_from_every_call_on_then_one_clean_run_converges()
    {
        for (var n = 1; n <= 30; n++)
        {
            await using var h = await CollectHarness.StartAsync(fixture, DatabaseProvider.Sqlite);
            var channel = await h.CreateChannelAsync(i => i with { AfterCollect = AfterCollect.MoveToProcessed });
            for (var i = 0; i < 3; i++)
            {
                await h.PutAsync($"/Drop/{(i == 2 ? "Sub/" : "")}sweep {i}.pdf", h.InvoicePdf());
            }

            var failFrom = h.ServiceCalls + n;
            h.FailFromCall = failFrom;
            await h.RunAsync(channel.Id);
            var faulted = h.ServiceCalls >= failFrom;
            h.FailFromCall = int.MaxValue;
            var clean = await h.RunAsync(channel.Id);

            clean.ShouldNotBeNull($"N = {n}");
            clean.Outcome.ShouldBe(CollectRunOutcome.Completed, $"N = {n}");
            (await h.InboxAsync()).Count.ShouldBe(3, $"N = {n}");
            var left = await CollectEngineTests.ListAsync(h, "/Drop");
            left.Count.ShouldBe(3, $"N = {n}");
            left.ShouldAllBe(p => p.StartsWith("/drop/processed/", StringComparison.Ordinal), $"N = {n}");
            if (!faulted)
            {
                n.ShouldBeGreaterThan(10, "the flow makes more than ten calls");
                return; // The run needed fewer than N calls: every point of failure was swept.
            }
        }
        throw new ShouldAssertException("The flow still failed at call 30; the sweep did not reach its end.");
    }
}
