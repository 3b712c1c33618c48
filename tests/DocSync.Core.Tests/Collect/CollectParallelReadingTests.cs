using DocSync.Core.Collect;
using DocSync.Core.Persistence;
using DocSync.Core.Tests.Infrastructure;

namespace DocSync.Core.Tests.Collect;

/// <summary>The files of a run are downloaded and read several at once (<c>Reading:MaxConcurrency</c>) and still filed exactly once, in order.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class CollectParallelReadingTests(DatabaseFixture fixture)
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Files_are_read_up_to_Reading_MaxConcurrency_at_once_and_each_filed_once(DatabaseProvider provider)
    {
        await using var h = await CollectHarness.StartAsync(fixture, provider, reading: o => o.MaxConcurrency = 3);
        var channel = await h.CreateChannelAsync();
        var first = h.InvoicePdf();
        await h.PutAsync("/Drop/01.pdf", first);
        for (var i = 2; i <= 7; i++)
        {
            await h.PutAsync($"/Drop/{i:00}.pdf", h.InvoicePdf());
        }
        // A copy of the first, listed in the same run: it waits for the first to be filed, then is a duplicate.
        await h.PutAsync("/Drop/08 copy.pdf", first);
        h.DownloadDelay = TimeSpan.FromMilliseconds(300);

        var run = await h.RunAsync(channel.Id);

        run.ShouldNotBeNull();
        (run.Outcome, run.Seen, run.Collected, run.Skipped, run.Failed).ShouldBe((CollectRunOutcome.Completed, 8, 7, 1, 0));
        h.MaxDownloadsAtOnce.ShouldBe(3, "three files downloaded and read at once, never more");
        var items = await h.InboxAsync();
        items.Count.ShouldBe(7);
        items.Select(i => i.Sha256).Distinct().Count().ShouldBe(7);
        items.Select(i => i.FileName).Order().ShouldBe(Enumerable.Range(1, 7).Select(i => $"{i:00}.pdf"));
        items.ShouldAllBe(i => i.Text != null && i.Text.Contains("F2026-"), "each item has its own text");

        var lines = await h.RunFilesAsync(run.Id);
        lines.Count.ShouldBe(8);
        var copy = lines.Single(l => l.Path == "/Drop/08 copy.pdf");
        (copy.Result, copy.Reason).ShouldBe((CollectFileResult.Skipped, CollectReasons.DuplicateContent));
        copy.Detail.ShouldBe("The same content was already collected from /Drop/01.pdf.");
        lines.Where(l => l.Result == CollectFileResult.Collected).ShouldAllBe(l => l.Items == 1 && l.InboxItemId != null);
        // Filed in the planner's order (oldest first), whatever order the reads finished in.
        lines.Where(l => l.Result == CollectFileResult.Collected).Select(l => l.Path).ShouldBe(Enumerable.Range(1, 7).Select(i => $"/Drop/{i:00}.pdf"));
        (await h.LedgerAsync()).Count(f => f.Status == CollectedFileStatus.Collected).ShouldBe(7);

        var again = await h.RunAsync(channel.Id);
        (again!.Seen, again.Collected, again.Known).ShouldBe((8, 0, 8));
        (await h.InboxAsync()).Count.ShouldBe(7);
    }

    [Fact]
    public async Task With_Reading_MaxConcurrency_1_files_are_taken_one_at_a_time()
    {
        await using var h = await CollectHarness.StartAsync(fixture, DatabaseProvider.Sqlite, reading: o => o.MaxConcurrency = 1);
        var channel = await h.CreateChannelAsync();
        for (var i = 1; i <= 4; i++)
        {
            await h.PutAsync($"/Drop/{i}.pdf", h.InvoicePdf());
        }
        h.DownloadDelay = TimeSpan.FromMilliseconds(100);

        var run = await h.RunAsync(channel.Id);

        run!.Collected.ShouldBe(4);
        h.MaxDownloadsAtOnce.ShouldBe(1);
        (await h.InboxAsync()).Count.ShouldBe(4);
    }
}
