using DocSync.Core.Collect;
using DocSync.Core.Collect.Planning;

namespace DocSync.Core.Tests.Collect.Planning;

/// <summary>Each rule of the collect planner, one row each, from the listing, the ledger and the channel's settings.</summary>
public sealed class CollectPlannerTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan StableAge = TimeSpan.FromSeconds(60);
    private static readonly PlanSettings Channel = new(CollectChangedContent: false, AfterCollect.Leave, StableAge, MaxFileSize: 1000, Manual: false);

    public static TheoryData<string, ListedFile, LedgerRow[], PlanSettings, CollectAction, string?> Rules => new()
    {
        { "new and settled: collected", File(), [], Channel, CollectAction.Collect, null },
        { "new and changed moments ago: looked at again", File(age: 59), [], Channel, CollectAction.Wait, CollectReasons.StillChanging },
        { "new, changed exactly the stable age ago: collected", File(age: 60), [], Channel, CollectAction.Collect, null },
        { "young, same revision as at the last look: collected (two looks)", File(age: 1), [Row(CollectedFileStatus.Waiting)], Channel, CollectAction.Collect, null },
        { "young, another revision than at the last look: looked at again", File(rev: "r2", age: 1), [Row(CollectedFileStatus.Waiting)], Channel, CollectAction.Wait,
            CollectReasons.StillChanging },
        { "waiting, another revision, now settled: collected", File(rev: "r2"), [Row(CollectedFileStatus.Waiting)], Channel, CollectAction.Collect, null },
        { "collected, where it was: nothing", File(), [Row()], Channel, CollectAction.Known, null },
        { "collected, its path in another case: nothing", File(path: "/Drop/A.PDF"), [Row()], Channel, CollectAction.Known, null },
        { "collected, renamed since: the move is noted", File(path: "/Drop/renamed.pdf"), [Row()], Channel, CollectAction.NoteMove, CollectReasons.RenamedOrMoved },
        { "collected, moved to a subfolder since: the move is noted", File(path: "/Drop/2026/a.pdf"), [Row()], Channel, CollectAction.NoteMove,
            CollectReasons.RenamedOrMoved },
        { "skipped before: nothing", File(), [Row(CollectedFileStatus.Skipped, CollectReasons.Empty)], Channel, CollectAction.Known, null },
        { "refused for good before: nothing", File(), [Row(CollectedFileStatus.Failed, CollectReasons.CorruptPdf)], Channel, CollectAction.Known, null },
        { "refused for good, moved since: the move is noted", File(path: "/Drop/b.pdf"), [Row(CollectedFileStatus.Failed, CollectReasons.TooLarge)], Channel,
            CollectAction.NoteMove, CollectReasons.RenamedOrMoved },
        { "collected, its move to Processed left undone: done now", File(), [Row(afterActionDone: false)], Channel with { AfterCollect = AfterCollect.MoveToProcessed },
            CollectAction.FinishAfterAction, CollectReasons.AlreadyCollected },
        { "collected, its delete left undone, moved since: the delete first", File(path: "/Drop/b.pdf"), [Row(afterActionDone: false)],
            Channel with { AfterCollect = AfterCollect.Delete }, CollectAction.FinishAfterAction, CollectReasons.AlreadyCollected },
        { "collected, the channel now leaves files: nothing left to do", File(), [Row(afterActionDone: false)], Channel, CollectAction.Known, null },
        { "failed moments ago, backoff not over: nothing yet", File(), [Row(CollectedFileStatus.Failed, CollectReasons.DropboxFailed, Now.AddSeconds(1))], Channel,
            CollectAction.Known, null },
        { "failed moments ago, \"Run now\": tried again", File(), [Row(CollectedFileStatus.Failed, CollectReasons.DropboxFailed, Now.AddSeconds(1))],
            Channel with { Manual = true }, CollectAction.Collect, null },
        { "failed, backoff over: tried again", File(), [Row(CollectedFileStatus.Failed, CollectReasons.StoreFailed, Now)], Channel, CollectAction.Collect, null },
        { "failed, backoff over, changed moments ago: looked at again", File(age: 5), [Row(CollectedFileStatus.Failed, CollectReasons.CorruptDownload, Now)], Channel,
            CollectAction.Wait, CollectReasons.StillChanging },
        { "content changed after collection, channel keeps changes out: skipped", File(hash: "h2"), [Row()], Channel, CollectAction.Skip, CollectReasons.ContentChanged },
        { "content changed after collection, channel collects changes: collected", File(hash: "h2"), [Row()], Channel with { CollectChangedContent = true },
            CollectAction.Collect, null },
        { "content waiting since before another content of the file was collected: skipped as changed", File(age: 1),
            [Row(CollectedFileStatus.Waiting), Row(hash: "h0", rev: "r0")], Channel, CollectAction.Skip, CollectReasons.ContentChanged },
        { "content failing since before another content of the file was collected: skipped as changed", File(),
            [Row(CollectedFileStatus.Failed, CollectReasons.DropboxFailed, Now), Row(hash: "h0", rev: "r0")], Channel, CollectAction.Skip, CollectReasons.ContentChanged },
        { "content changed, skipped before (not collected): collected", File(hash: "h2"), [Row(CollectedFileStatus.Skipped, CollectReasons.Empty)], Channel,
            CollectAction.Collect, null },
        { "a copy of content collected from another file: skipped", File(id: "id:copy", path: "/Drop/copy.pdf"), [Row()], Channel, CollectAction.Skip,
            CollectReasons.DuplicateContent },
        { "content another file only waits with: collected", File(id: "id:copy"), [Row(CollectedFileStatus.Waiting)], Channel, CollectAction.Collect, null },
        { "empty: skipped", File(size: 0), [], Channel, CollectAction.Skip, CollectReasons.Empty },
        { "over the size limit: refused", File(size: 1001), [], Channel, CollectAction.Refuse, CollectReasons.TooLarge },
        { "exactly the size limit: collected", File(size: 1000), [], Channel, CollectAction.Collect, null },
        { "not downloadable (a Paper doc): refused", File(downloadable: false), [], Channel, CollectAction.Refuse, CollectReasons.NotDownloadable },
        { "changed content beats empty: skipped as changed", File(hash: "h2", size: 0), [Row()], Channel, CollectAction.Skip, CollectReasons.ContentChanged },
        { "too large and changed moments ago: refused at once (metadata says enough)", File(size: 5000, age: 1), [], Channel, CollectAction.Refuse,
            CollectReasons.TooLarge },
    };

    [Theory, MemberData(nameof(Rules))]
    public void A_file_is_decided_so_when(string what, ListedFile file, LedgerRow[] ledger, PlanSettings settings, CollectAction action, string? reason)
    {
        var decision = CollectPlanner.Plan([file], ledger, settings, Now).ShouldHaveSingleItem(what);
        decision.Action.ShouldBe(action, what);
        decision.Reason.ShouldBe(reason, what);
        decision.File.ShouldBe(file);
        if (action is CollectAction.Skip or CollectAction.Refuse or CollectAction.Wait or CollectAction.NoteMove)
        {
            decision.Detail.ShouldNotBeNullOrWhiteSpace(what);
        }
    }

    [Fact]
    public void The_history_says_why_in_words()
    {
        Decide(File(size: 3 * 1024 * 1024 / 2), [], Channel with { MaxFileSize = 1024 * 1024 }).Detail
            .ShouldBe("The file is 1.5 MiB; files over 1 MiB are not collected. It stays in Dropbox.");
        Decide(File(path: "/Drop/new name.pdf"), [Row()], Channel).Detail.ShouldBe("Collected before as /Drop/a.pdf; renamed or moved since, not collected again.");
        Decide(File(id: "id:copy"), [Row(path: "/Drop/first.pdf")], Channel).Detail.ShouldBe("The same content was already collected from /Drop/first.pdf.");
    }

    [Fact]
    public void The_decision_carries_the_ledger_row_it_was_made_from()
    {
        var waiting = Row(CollectedFileStatus.Waiting);
        Decide(File(age: 1), [waiting, Row(CollectedFileStatus.Skipped, CollectReasons.Empty, hash: "h0")], Channel).Row.ShouldBe(waiting);
        Decide(File(hash: "h2"), [Row()], Channel with { CollectChangedContent = true }).Row.ShouldBeNull("a new content has no row yet");
    }

    [Fact]
    public void A_second_file_with_content_collected_in_the_same_run_is_deferred_until_the_first_is_filed()
    {
        var first = File(id: "id:1", path: "/Drop/first.pdf", age: 600);
        var second = File(id: "id:2", path: "/Drop/second.pdf", age: 300);
        var plan = CollectPlanner.Plan([second, first], [], Channel, Now);
        plan.Select(d => (d.File.Id, d.Action)).ShouldBe([("id:1", CollectAction.Collect), ("id:2", CollectAction.Defer)], "oldest first, the first collects");

        // Decided again once the first is filed: a duplicate when it was collected, collected when it was not.
        Decide(second, [Row(id: "id:1", path: "/Drop/first.pdf")], Channel).Reason.ShouldBe(CollectReasons.DuplicateContent);
        Decide(second, [Row(CollectedFileStatus.Failed, CollectReasons.DropboxFailed, Now.AddMinutes(1), id: "id:1")], Channel).Action.ShouldBe(CollectAction.Collect);
    }

    [Fact]
    public void Files_are_planned_oldest_first_then_by_path()
    {
        var plan = CollectPlanner.Plan([File(id: "id:c", path: "/Drop/c.pdf", hash: "c", age: 100), File(id: "id:b", path: "/Drop/b.pdf", hash: "b", age: 100),
            File(id: "id:a", path: "/Drop/z.pdf", hash: "a", age: 500)], [], Channel, Now);
        plan.Select(d => d.File.Id).ShouldBe(["id:a", "id:b", "id:c"]);
    }

    [Fact]
    public void A_file_listed_twice_is_refused_the_runner_keeps_its_last_state()
    {
        Should.Throw<ArgumentException>(() => CollectPlanner.Plan([File(), File(rev: "r2")], [], Channel, Now)).Message.ShouldContain("id:a");
    }

    [Fact]
    public void Listed_file_keys_content_by_Dropbox_hash_or_by_revision_when_there_is_none()
    {
        var metadata = new DocSync.Dropbox.FileMetadata { Id = "id:x", Name = "X.pdf", PathLower = "/drop/x.pdf", PathDisplay = "/Drop/X.pdf", Rev = "015", Size = 3, ContentHash = "abc" };
        ListedFile.From(metadata).ShouldBe(new ListedFile("id:x", "abc", "015", "/drop/x.pdf", "/Drop/X.pdf", 3, metadata.IsDownloadable, metadata.ServerModified));
        ListedFile.From(metadata with { ContentHash = null }).ContentHash.ShouldBe("rev:015");
    }

    private static CollectDecision Decide(ListedFile file, LedgerRow[] ledger, PlanSettings settings) =>
        CollectPlanner.Plan([file], ledger, settings, Now).ShouldHaveSingleItem();

    internal static ListedFile File(string id = "id:a", string hash = "h1", string rev = "r1", string path = "/Drop/a.pdf", long size = 100, bool downloadable = true,
        int age = 600) =>
        new(id, hash, rev, path.ToLowerInvariant(), path, size, downloadable, Now.AddSeconds(-age));

    private static LedgerRow Row(CollectedFileStatus status = CollectedFileStatus.Collected, string? reason = null, DateTimeOffset? nextAttemptAt = null,
        string id = "id:a", string hash = "h1", string rev = "r1", string path = "/Drop/a.pdf", bool afterActionDone = true) =>
        new(id, hash, rev, path, status, reason, nextAttemptAt, afterActionDone);
}
