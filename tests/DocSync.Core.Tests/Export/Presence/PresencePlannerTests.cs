using CsCheck;
using DocSync.Core.Export.Presence;

namespace DocSync.Core.Tests.Export.Presence;

/// <summary>The export check's planner: which exported files are gone from Dropbox, from a listing or from changes.</summary>
public sealed class PresencePlannerTests
{
    private static readonly DateTimeOffset Listed = new(2026, 12, 8, 10, 0, 0, TimeSpan.Zero);

    private static CheckedFile File(string path, string id, bool missing = false, DateTimeOffset? at = null) =>
        new(Guid.NewGuid(), Guid.NewGuid(), path, id, at ?? Listed.AddHours(-1), missing);

    private static ListedEntry F(string path, string id) => new(path, id, ListedKind.File);

    private static ListedEntry D(string path) => new(path, null, ListedKind.Deleted);

    private static ListedEntry Dir(string path) => new(path, null, ListedKind.Folder);

    public static TheoryData<string, ListedEntry[], bool, string> ChangeRows => new()
    {
        // name, changes, file was held as missing, expected: gone / back / none
        { "no changes", [], false, "none" },
        { "deleted at its path", [D("/x/a.pdf")], false, "gone" },
        { "deleted then written again at its path", [D("/x/a.pdf"), F("/x/a.pdf", "id:other")], false, "none" },
        { "written then deleted", [F("/x/a.pdf", "id:a"), D("/x/a.pdf")], false, "none" }, // its id is listed: someone moved it back and forth; not put back twice
        { "its folder deleted", [D("/x")], false, "gone" },
        { "its folder deleted, then the file written again", [D("/x"), Dir("/x"), F("/x/a.pdf", "id:new")], false, "none" },
        { "its folder deleted, then something else written at the folder's path", [D("/x"), F("/x", "id:z")], false, "gone" },
        { "the file written, then its folder deleted", [F("/x/a.pdf", "id:new"), D("/x")], false, "gone" },
        { "moved by a person (delete + same id elsewhere)", [D("/x/a.pdf"), F("/y/renamed.pdf", "id:a")], false, "none" },
        { "a folder now at its path", [D("/x/a.pdf"), Dir("/x/a.pdf")], false, "gone" },
        { "a sibling deleted", [D("/x/b.pdf")], false, "none" },
        { "a folder with a longer name deleted", [D("/x/a")], false, "none" },
        { "held, and there again", [F("/x/a.pdf", "id:a")], true, "back" },
        { "held, and deleted again", [D("/x/a.pdf")], true, "none" },
        { "held, another file at its path", [F("/x/a.pdf", "id:other")], true, "back" },
    };

    [Theory]
    [MemberData(nameof(ChangeRows))]
    public void From_changes(string name, ListedEntry[] changes, bool held, string expected)
    {
        var file = File("/x/a.pdf", "id:a", held);

        var plan = PresencePlanner.FromChanges([file], changes);

        Outcome(plan, file).ShouldBe(expected, name);
    }

    public static TheoryData<string, ListedEntry[], bool, bool, string> ListingRows => new()
    {
        // name, complete listing, held, written after the listing began, expected
        { "listed at its path", [F("/x/a.pdf", "id:a")], false, false, "none" },
        { "not listed", [F("/x/b.pdf", "id:b")], false, false, "gone" },
        { "empty folder", [], false, false, "gone" },
        { "listed elsewhere by id (moved by a person)", [F("/x/sub/a.pdf", "id:a")], false, false, "none" },
        { "another file at its path", [F("/x/a.pdf", "id:z")], false, false, "none" },
        { "a folder at its path", [Dir("/x/a.pdf")], false, false, "gone" },
        { "not listed but written after the listing began", [], false, true, "none" },
        { "held and listed again", [F("/x/a.pdf", "id:a")], true, false, "back" },
        { "held and still not listed", [], true, false, "none" },
    };

    [Theory]
    [MemberData(nameof(ListingRows))]
    public void From_a_listing(string name, ListedEntry[] listing, bool held, bool writtenAfter, string expected)
    {
        var file = File("/x/a.pdf", "id:a", held, writtenAfter ? Listed.AddSeconds(1) : null);

        var plan = PresencePlanner.FromListing([file], listing, Listed);

        Outcome(plan, file).ShouldBe(expected, name);
    }

    private static string Outcome(PresencePlan plan, CheckedFile file) =>
        plan.Gone.Contains(file) ? "gone" : plan.Back.Contains(file) ? "back" : "none";

    // Properties over random trees and random change sequences.

    private static readonly Gen<string> Segment = Gen.OneOf<string>(["a", "b", "c", "a.pdf", "b.xml"]);

    private static readonly Gen<string> PathKey = Gen.Select(Segment.Array[1, 3], parts => "/root/" + string.Join('/', parts));

    private static readonly Gen<ListedEntry> Entry = Gen.Select(PathKey, Gen.Int[0, 2], Gen.Int[0, 5],
        (path, kind, id) => new ListedEntry(path, kind == 0 ? $"id:{id}" : null, (ListedKind)kind));

    private static readonly Gen<CheckedFile[]> Files = Gen.Select(PathKey, Gen.Int[0, 5], Gen.Bool)
        .Select((path, id, held) => new CheckedFile(Guid.NewGuid(), Guid.NewGuid(), path, $"id:{id}", Listed.AddHours(-1), held))
        .Array[0, 8].Select(files => files.DistinctBy(f => f.PathKey).DistinctBy(f => f.DropboxId).ToArray());

    [Fact]
    public void A_file_is_never_both_gone_and_back_and_gone_only_if_not_already_held()
    {
        Gen.Select(Files, Entry.Array[0, 12]).Sample((files, changes) =>
        {
            var plan = PresencePlanner.FromChanges(files, changes);
            plan.Gone.Intersect(plan.Back).ShouldBeEmpty();
            plan.Gone.ShouldAllBe(f => !f.Missing);
            plan.Back.ShouldAllBe(f => f.Missing);
        });
    }

    [Fact]
    public void Without_a_deletion_nothing_is_ever_gone()
    {
        Gen.Select(Files, Entry.Where(e => e.Kind == ListedKind.File).Array[0, 12]).Sample((files, changes) =>
            PresencePlanner.FromChanges(files, changes).Gone.ShouldBeEmpty());
    }

    [Fact]
    public void A_file_whose_id_is_listed_is_never_gone()
    {
        Gen.Select(Files, Entry.Array[0, 12], Gen.Int[0, 5]).Sample((files, changes, pick) =>
        {
            var listed = changes.Append(new ListedEntry("/elsewhere/x.pdf", $"id:{pick}", ListedKind.File)).ToArray();
            PresencePlanner.FromChanges(files, listed).Gone.ShouldAllBe(f => f.DropboxId != $"id:{pick}");
            PresencePlanner.FromListing(files, listed, Listed).Gone.ShouldAllBe(f => f.DropboxId != $"id:{pick}");
        });
    }

    [Fact]
    public void The_order_of_the_files_does_not_change_the_plan()
    {
        Gen.Select(Files, Entry.Array[0, 12]).Sample((files, changes) =>
        {
            var forward = PresencePlanner.FromChanges(files, changes);
            var backward = PresencePlanner.FromChanges(files.Reverse().ToArray(), changes);
            backward.Gone.ShouldBe(forward.Gone);
            backward.Back.ShouldBe(forward.Back);
        });
    }

    [Fact]
    public void A_complete_listing_finds_gone_exactly_the_files_neither_at_their_path_nor_by_id()
    {
        Gen.Select(Files, Entry.Where(e => e.Kind != ListedKind.Deleted).Array[0, 12]).Sample((files, listing) =>
        {
            var plan = PresencePlanner.FromListing(files, listing, Listed);
            var there = files.Where(f => listing.Any(e => e.Kind == ListedKind.File && (e.PathKey == f.PathKey || e.DropboxId == f.DropboxId))).ToHashSet();
            plan.Gone.ShouldBe(files.Where(f => !f.Missing && !there.Contains(f)).OrderBy(f => f.PathKey, StringComparer.Ordinal), ignoreOrder: true);
            plan.Back.ShouldBe(files.Where(f => f.Missing && there.Contains(f)), ignoreOrder: true);
        });
    }

    [Fact]
    public void Changes_replayed_on_a_listing_agree_with_listing_the_result()
    {
        // Starting from every file present, applying the changes and listing the outcome must find the
        // same files gone as reading the changes (for files never held).
        Gen.Select(Files, Entry.Array[0, 12]).Sample((files, changes) =>
        {
            var fresh = files.Select(f => f with { Missing = false }).ToArray();
            var state = fresh.ToDictionary(f => f.PathKey, f => (ListedEntry?)new ListedEntry(f.PathKey, f.DropboxId, ListedKind.File), StringComparer.Ordinal);
            foreach (var change in changes)
            {
                if (change.Kind == ListedKind.Deleted)
                {
                    foreach (var key in state.Keys.Where(k => k == change.PathKey || k.StartsWith(change.PathKey + "/", StringComparison.Ordinal)).ToList())
                    {
                        state[key] = null;
                    }
                }
                else
                {
                    state[change.PathKey] = change;
                }
            }
            var listing = state.Values.OfType<ListedEntry>().ToArray();
            var ids = changes.Where(c => c.Kind == ListedKind.File).Select(c => c.DropboxId).ToHashSet();
            var fromChanges = PresencePlanner.FromChanges(fresh, changes).Gone.ToHashSet();
            var fromListing = PresencePlanner.FromListing(fresh, listing, Listed).Gone;
            // Files whose id the changes list are "there" for the changes whatever the listing says (moved).
            fromListing.Where(f => !ids.Contains(f.DropboxId)).ToHashSet().SetEquals(fromChanges.Where(f => !ids.Contains(f.DropboxId))).ShouldBeTrue();
        });
    }
}
