using DocSync.Core.Collect;
using DocSync.Core.Organizing;
using DocSync.Core.Persistence;
using DocSync.Core.Tests.Infrastructure;
using DocSync.Dropbox;

namespace DocSync.Core.Tests.Collect;

/// <summary>The collection engine against the emulator over HTTP: exactly once whatever happens to the files.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class CollectEngineTests(DatabaseFixture fixture)
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task New_files_enter_the_inbox_once_with_their_text_for_the_channels_person_and_binder(DatabaseProvider provider)
    {
        await using var h = await CollectHarness.StartAsync(fixture, provider);
        var channel = await h.CreateChannelAsync();
        await h.PutAsync("/Drop/Facture 1.pdf", h.InvoicePdf("F2026-0101"));
        await h.PutAsync("/Drop/Sub/Receipt 2.pdf", h.InvoicePdf("F2026-0102"));

        var run = await h.RunAsync(channel.Id);

        run.ShouldNotBeNull();
        run.Outcome.ShouldBe(CollectRunOutcome.Completed);
        (run.Seen, run.Collected, run.Skipped, run.Failed).ShouldBe((2, 2, 0, 0));
        var items = await h.InboxAsync();
        items.Count.ShouldBe(2);
        items.ShouldAllBe(i => i.Source == InboxSource.Collect && i.BinderId == h.BinderId && i.AssigneeId == h.Owner.Actor.Id);
        items.Select(i => i.FileName).Order().ShouldBe(["Facture 1.pdf", "Receipt 2.pdf"]);
        var first = items.Single(i => i.FileName == "Facture 1.pdf");
        first.ReadState.ShouldBe(InboxReadState.Read);
        first.ReadMethod.ShouldBe("text-layer");
        first.Text.ShouldNotBeNull().ShouldContain("F2026-0101");
        InboxService.ReadFields(first.FieldsJson).InvoiceNumber?.Value.ShouldBe("F2026-0101");

        var again = await h.RunAsync(channel.Id);
        (again!.Seen, again.Collected, again.Known).ShouldBe((2, 0, 2));
        (await h.InboxAsync()).Count.ShouldBe(2);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_renamed_moved_copied_or_reuploaded_file_is_never_collected_twice(DatabaseProvider provider)
    {
        await using var h = await CollectHarness.StartAsync(fixture, provider);
        var channel = await h.CreateChannelAsync();
        var pdf = h.InvoicePdf();
        await h.PutAsync("/Drop/a.pdf", pdf);
        await h.PutAsync("/Drop/b.pdf", h.InvoicePdf());
        await h.RunAsync(channel.Id);

        await h.Alice.MoveAsync("/Drop/a.pdf", "/Drop/renamed a.pdf");
        await h.Alice.MoveAsync("/Drop/b.pdf", "/Drop/2026/June/b.pdf");
        await h.PutAsync("/Drop/copy of a.pdf", pdf);
        await h.PutAsync("/Drop/2026/June/b.pdf", (await DownloadAsync(h, "/Drop/2026/June/b.pdf")), overwrite: true);
        var run = await h.RunAsync(channel.Id, CollectTrigger.RealTime);

        (await h.InboxAsync()).Count.ShouldBe(2);
        run!.Collected.ShouldBe(0);
        var files = await h.RunFilesAsync(run.Id);
        files.Single(f => f.Path == "/Drop/renamed a.pdf").Reason.ShouldBe(CollectReasons.RenamedOrMoved);
        files.Single(f => f.Path == "/Drop/2026/June/b.pdf").Reason.ShouldBe(CollectReasons.RenamedOrMoved);
        files.Single(f => f.Path == "/Drop/copy of a.pdf").Reason.ShouldBe(CollectReasons.DuplicateContent);

        // A full look the next day finds nothing new either.
        var daily = await h.RunAsync(channel.Id, CollectTrigger.Scheduled);
        (daily!.Seen, daily.Collected, daily.Known).ShouldBe((3, 0, 3));
        (await h.InboxAsync()).Count.ShouldBe(2);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Changed_content_is_a_new_document_only_if_the_channel_says_so(bool collectChanged)
    {
        await using var h = await CollectHarness.StartAsync(fixture, DatabaseProvider.Sqlite);
        var channel = await h.CreateChannelAsync(i => i with { CollectChangedContent = collectChanged });
        await h.PutAsync("/Drop/invoice.pdf", h.InvoicePdf("F2026-0200"));
        await h.RunAsync(channel.Id);
        await h.PutAsync("/Drop/invoice.pdf", h.InvoicePdf("F2026-0201"), overwrite: true);

        var run = await h.RunAsync(channel.Id, CollectTrigger.RealTime);

        var items = await h.InboxAsync();
        items.Count.ShouldBe(collectChanged ? 2 : 1);
        if (collectChanged)
        {
            items[1].Text.ShouldNotBeNull().ShouldContain("F2026-0201");
        }
        else
        {
            (await h.RunFilesAsync(run!.Id)).Single().Reason.ShouldBe(CollectReasons.ContentChanged);
            (await h.RunAsync(channel.Id))!.Collected.ShouldBe(0);
        }
    }

    [Fact]
    public async Task A_file_still_changing_waits_until_its_revision_is_stable_across_two_looks()
    {
        await using var h = await CollectHarness.StartAsync(fixture, DatabaseProvider.Sqlite, o => o.StableAge = TimeSpan.FromHours(1));
        var channel = await h.CreateChannelAsync();
        await h.PutAsync("/Drop/scan.pdf", h.InvoicePdf());

        var first = await h.RunAsync(channel.Id, CollectTrigger.RealTime);
        first!.Waiting.ShouldBe(1);
        (await h.InboxAsync()).ShouldBeEmpty();
        (await h.ChannelAsync(channel.Id)).RecheckAt.ShouldNotBeNull();

        await h.PutAsync("/Drop/scan.pdf", h.InvoicePdf(), overwrite: true); // still being written
        var second = await h.RunAsync(channel.Id, CollectTrigger.RealTime);
        second!.Waiting.ShouldBe(1);
        (await h.InboxAsync()).ShouldBeEmpty();

        var third = await h.RunAsync(channel.Id, CollectTrigger.RealTime);
        third!.Collected.ShouldBe(1);
        (await h.InboxAsync()).Count.ShouldBe(1);
        (await h.ChannelAsync(channel.Id)).RecheckAt.ShouldBeNull();
        (await h.LedgerAsync()).Count(f => f.Status == CollectedFileStatus.Collected).ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task After_collection_files_move_to_Processed_and_are_not_collected_from_there(DatabaseProvider provider)
    {
        await using var h = await CollectHarness.StartAsync(fixture, provider);
        var channel = await h.CreateChannelAsync(i => i with { AfterCollect = AfterCollect.MoveToProcessed });
        await h.PutAsync("/Drop/one.pdf", h.InvoicePdf());
        await h.PutAsync("/Drop/two.pdf", h.InvoicePdf());

        await h.RunAsync(channel.Id);
        await h.RunAsync(channel.Id, CollectTrigger.RealTime);
        await h.RunAsync(channel.Id);

        (await h.InboxAsync()).Count.ShouldBe(2);
        var left = await ListAsync(h, "/Drop");
        left.Where(p => !p.StartsWith("/drop/processed/", StringComparison.Ordinal)).ShouldBeEmpty();
        left.Count(p => p.StartsWith("/drop/processed/", StringComparison.Ordinal) && p.EndsWith(" one.pdf", StringComparison.Ordinal)).ShouldBe(1);
        (await h.LedgerAsync()).ShouldAllBe(f => f.AfterActionDone && f.Path.StartsWith("/Drop/Processed/"));
    }

    [Fact]
    public async Task Delete_after_collection_removes_only_the_revision_collected()
    {
        await using var h = await CollectHarness.StartAsync(fixture, DatabaseProvider.Sqlite);
        var channel = await h.CreateChannelAsync(i => i with { AfterCollect = AfterCollect.Delete });
        await h.PutAsync("/Drop/gone.pdf", h.InvoicePdf());
        await h.RunAsync(channel.Id);

        (await ListAsync(h, "/Drop")).ShouldBeEmpty();
        (await h.InboxAsync()).Count.ShouldBe(1);
        (await h.Alice.ListRevisionsAsync("/Drop/gone.pdf")).IsDeleted.ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_deleted_or_renamed_source_folder_pauses_the_channel_and_is_never_read_as_empty(DatabaseProvider provider)
    {
        await using var h = await CollectHarness.StartAsync(fixture, provider);
        var channel = await h.CreateChannelAsync();
        await h.PutAsync("/Drop/a.pdf", h.InvoicePdf());
        await h.RunAsync(channel.Id);

        await h.Alice.MoveAsync("/Drop", "/Drop old");
        await h.PutAsync("/Drop old/b.pdf", h.InvoicePdf());
        var moved = await h.RunAsync(channel.Id);
        moved!.Outcome.ShouldBe(CollectRunOutcome.Paused);
        moved.Seen.ShouldBe(0);
        var paused = await h.ChannelAsync(channel.Id);
        paused.ProblemCode.ShouldBe("source-moved");
        paused.Problem.ShouldNotBeNull().ShouldContain("/Drop old");

        await h.Alice.DeleteAsync("/Drop old");
        (await h.RunAsync(channel.Id))!.Outcome.ShouldBe(CollectRunOutcome.Paused);
        (await h.ChannelAsync(channel.Id)).ProblemCode.ShouldBe("source-missing");
        (await h.InboxAsync()).Count.ShouldBe(1);
        (await h.LedgerAsync()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_revoked_connection_stops_the_run_marks_the_connection_and_loses_nothing()
    {
        await using var h = await CollectHarness.StartAsync(fixture, DatabaseProvider.Sqlite);
        var channel = await h.CreateChannelAsync();
        await h.PutAsync("/Drop/a.pdf", h.InvoicePdf());
        lock (h.Emulator.State.Gate)
        {
            foreach (var grant in h.Emulator.State.RefreshTokens.Values)
            {
                grant.Revoked = true;
            }
        }

        var run = await h.RunAsync(channel.Id);

        run.ShouldBeNull();
        var connection = await h.InCompanyAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.DropboxConnections));
        connection.State.ShouldBe(DocSync.Core.Connections.ConnectionState.NeedsRelink);
        (await h.InboxAsync()).ShouldBeEmpty();
        (await ListAsync(h, "/Drop")).ShouldBe(["/drop/a.pdf"]);
    }

    [Fact]
    public async Task A_cursor_reset_lists_again_and_collects_nothing_twice()
    {
        await using var h = await CollectHarness.StartAsync(fixture, DatabaseProvider.Sqlite);
        var channel = await h.CreateChannelAsync();
        await h.PutAsync("/Drop/a.pdf", h.InvoicePdf());
        await h.RunAsync(channel.Id);
        await h.PutAsync("/Drop/b.pdf", h.InvoicePdf());
        h.ResetCursors();

        var run = await h.RunAsync(channel.Id, CollectTrigger.RealTime);

        (run!.Seen, run.Collected, run.Known).ShouldBe((2, 1, 1));
        (await h.InboxAsync()).Count.ShouldBe(2);
    }

    private static async Task<byte[]> DownloadAsync(CollectHarness h, string path)
    {
        using var buffer = new MemoryStream();
        await h.Alice.DownloadAsync(path, buffer);
        return buffer.ToArray();
    }

    internal static async Task<List<string>> ListAsync(CollectHarness h, string folder)
    {
        var paths = new List<string>();
        await foreach (var entry in h.Alice.ListFolderAllAsync(folder, new ListFolderOptions { Recursive = true }))
        {
            if (entry is FileMetadata file)
            {
                paths.Add(file.PathLower!);
            }
        }
        return paths;
    }
}
