using CsCheck;
using DocSync.Core.Collect;
using DocSync.Core.Collect.Planning;

namespace DocSync.Core.Tests.Collect.Planning;

/// <summary>
/// The collect planner's promises over generated listings, ledgers and settings, and over runs one
/// after another (a model ledger updated as the runner would, with downloads that sometimes fail).
/// A small world of few ids, contents, revisions and paths makes collisions likely.
/// </summary>
public sealed class CollectPlannerPropertyTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan StableAge = TimeSpan.FromSeconds(60);
    private const long MaxFileSize = 1000;

    private static readonly Gen<ListedFile> GenFile =
        Gen.Select(Gen.Int[0, 5], Gen.Int[0, 3], Gen.Int[0, 3], Gen.Int[0, 3], Gen.OneOf(0L, 10L, 500L, 2000L), Gen.Int[0, 9], Gen.Int[0, 180])
            .Select((id, hash, rev, path, size, downloadable, age) =>
            {
                var display = new[] { "/Drop/a.pdf", "/Drop/b.pdf", "/Drop/Sub/a.pdf", "/Drop/A.PDF" }[path];
                return new ListedFile($"id:{id}", $"h{hash}", $"r{rev}", display.ToLowerInvariant(), display, size, downloadable > 0, Start.AddSeconds(-age));
            });

    private static readonly Gen<List<ListedFile>> GenListing = GenFile.List[0, 8].Select(files => files.DistinctBy(f => f.Id).ToList());

    private static readonly Gen<LedgerRow> GenRow =
        Gen.Select(Gen.Int[0, 5], Gen.Int[0, 3], Gen.Int[0, 3], Gen.Enum<CollectedFileStatus>(), Gen.OneOf<string?>(null, CollectReasons.DropboxFailed,
                CollectReasons.StoreFailed, CollectReasons.TooLarge, CollectReasons.Empty, CollectReasons.CorruptPdf), Gen.Int[-60, 60].Nullable(), Gen.Bool)
            .Select((id, hash, rev, status, reason, retryIn, done) => new LedgerRow($"id:{id}", $"h{hash}", $"r{rev}", "/Drop/a.pdf", status, reason,
                retryIn is { } s ? Start.AddSeconds(s) : null, done));

    /// <summary>A ledger as the database holds it: one row per (file id, content hash).</summary>
    private static readonly Gen<List<LedgerRow>> GenLedger = GenRow.List[0, 8].Select(rows => rows.DistinctBy(r => (r.FileId, r.ContentHash)).ToList());

    private static readonly Gen<PlanSettings> GenSettings = Gen.Select(Gen.Bool, Gen.Enum<AfterCollect>(), Gen.Bool)
        .Select((changed, after, manual) => new PlanSettings(changed, after, StableAge, MaxFileSize, manual));

    [Fact]
    public void Property_a_decision_never_depends_on_the_order_of_the_listing_or_the_ledger()
    {
        Gen.Select(GenListing, GenLedger, GenSettings, Gen.Int).Sample((listing, ledger, settings, seed) =>
        {
            var expected = CollectPlanner.Plan(listing, ledger, settings, Start);
            var random = new Random(seed);
            var files = listing.ToArray();
            random.Shuffle(files);
            CollectPlanner.Plan(files, ledger, settings, Start).ShouldBe(expected);
            // The ledger's order only picks which earlier copy a duplicate names; the decisions stay.
            var rows = ledger.ToArray();
            random.Shuffle(rows);
            CollectPlanner.Plan(listing, rows, settings, Start).Select(d => (d.File, d.Action, d.Reason, d.Row)).ShouldBe(expected.Select(d => (d.File, d.Action, d.Reason, d.Row)));
        }, iter: 3_000);
    }

    [Fact]
    public void Property_the_planner_is_deterministic_and_decides_every_file_once()
    {
        Gen.Select(GenListing, GenLedger, GenSettings).Sample((listing, ledger, settings) =>
        {
            var plan = CollectPlanner.Plan(listing, ledger, settings, Start);
            CollectPlanner.Plan(listing, ledger, settings, Start).ShouldBe(plan);
            plan.Select(d => d.File).OrderBy(f => f.Id, StringComparer.Ordinal).ShouldBe(listing.OrderBy(f => f.Id, StringComparer.Ordinal));
            foreach (var decision in plan)
            {
                (decision.Reason is null || CollectReasons.All.Contains(decision.Reason)).ShouldBeTrue(decision.Reason);
            }
        }, iter: 3_000);
    }

    [Fact]
    public void Property_nothing_is_collected_whose_revision_changed_between_two_looks_within_the_stable_age()
    {
        Gen.Select(GenListing, GenLedger, GenSettings).Sample((listing, ledger, settings) =>
        {
            foreach (var decision in CollectPlanner.Plan(listing, ledger, settings, Start).Where(d => d.Action == CollectAction.Collect))
            {
                var file = decision.File;
                if (Start - file.ServerModified < StableAge)
                {
                    // Young: only the second look at the same revision takes it.
                    ledger.ShouldContain(r => r.FileId == file.Id && r.ContentHash == file.ContentHash && r.Status == CollectedFileStatus.Waiting && r.Rev == file.Rev,
                        $"{file.Id} {file.Rev} changed {Start - file.ServerModified} ago");
                }
            }
        }, iter: 5_000);
    }

    [Fact]
    public void Property_changed_content_of_a_collected_file_is_collected_again_iff_the_channel_says_so()
    {
        // A collected file whose content changed, settled, and nothing else in the way (no copy elsewhere, fits, downloadable).
        Gen.Select(GenSettings, Gen.Int[60, 10_000], Gen.Long[1, MaxFileSize], Gen.Bool).Sample((settings, age, size, samePlace) =>
        {
            var file = new ListedFile("id:1", "h-new", "r2", samePlace ? "/drop/a.pdf" : "/drop/b.pdf", samePlace ? "/Drop/a.pdf" : "/Drop/b.pdf", size, true,
                Start.AddSeconds(-age));
            var ledger = new[] { new LedgerRow("id:1", "h-old", "r1", "/Drop/a.pdf", CollectedFileStatus.Collected, null, null, true) };
            var decision = CollectPlanner.Plan([file], ledger, settings, Start).ShouldHaveSingleItem();
            if (settings.CollectChangedContent)
            {
                decision.Action.ShouldBe(CollectAction.Collect);
            }
            else
            {
                decision.Action.ShouldBe(CollectAction.Skip);
                decision.Reason.ShouldBe(CollectReasons.ContentChanged);
            }
        }, iter: 2_000);
    }

    [Fact]
    public void Property_the_same_file_id_and_content_is_never_collected_twice_across_any_sequence_of_runs()
    {
        var runs = Gen.Select(GenListing, Gen.Int[0, 120], Gen.Int[0, 3]).List[1, 12];
        Gen.Select(runs, GenSettings).Sample((sequence, settings) =>
        {
            var ledger = new List<LedgerRow>();
            var collected = new HashSet<(string, string)>();
            var now = Start;
            foreach (var (listing, pause, failEvery) in sequence)
            {
                now += TimeSpan.FromSeconds(pause);
                // The listing's files as they stand now (their ages keep their revisions' moments relative to the run).
                var files = listing.Select(f => f with { ServerModified = f.ServerModified + (now - Start) }).ToList();
                var n = 0;
                while (files.Count > 0)
                {
                    var deferred = new List<ListedFile>();
                    foreach (var decision in CollectPlanner.Plan(files, ledger, settings, now))
                    {
                        if (decision.Action == CollectAction.Defer)
                        {
                            deferred.Add(decision.File);
                            continue;
                        }
                        var failed = decision.Action == CollectAction.Collect && failEvery > 0 && ++n % failEvery == 0;
                        if (decision.Action == CollectAction.Collect && !failed)
                        {
                            collected.Add((decision.File.Id, decision.File.ContentHash)).ShouldBeTrue($"{decision.File.Id} with {decision.File.ContentHash} collected twice");
                        }
                        Apply(ledger, decision, settings, now, failed);
                    }
                    deferred.Count.ShouldBeLessThan(files.Count, "each pass decides at least one file");
                    files = deferred;
                }
            }
            if (!settings.CollectChangedContent)
            {
                collected.GroupBy(c => c.Item1).ShouldAllBe(g => g.Count() == 1, "without changed content, a file id is collected once");
            }
        }, iter: 2_000);
    }

    [Fact]
    public void Property_within_one_run_a_content_is_collected_from_one_new_file_only()
    {
        Gen.Select(GenListing, GenSettings).Sample((listing, settings) =>
        {
            var plan = CollectPlanner.Plan(listing, [], settings, Start);
            plan.Where(d => d.Action == CollectAction.Collect).GroupBy(d => d.File.ContentHash).ShouldAllBe(g => g.Count() == 1);
        }, iter: 3_000);
    }

    /// <summary>The ledger as the runner leaves it after carrying <paramref name="decision"/> out.</summary>
    private static void Apply(List<LedgerRow> ledger, CollectDecision decision, PlanSettings settings, DateTimeOffset now, bool failed)
    {
        var file = decision.File;
        var index = ledger.FindIndex(r => r.FileId == file.Id && r.ContentHash == file.ContentHash);
        var row = index >= 0 ? ledger[index] : new LedgerRow(file.Id, file.ContentHash, file.Rev, file.PathDisplay ?? file.PathLower, CollectedFileStatus.Waiting, null, null, false);
        LedgerRow? next = decision.Action switch
        {
            CollectAction.Collect when failed => row with { Status = CollectedFileStatus.Failed, Reason = CollectReasons.DropboxFailed, NextAttemptAt = now.AddSeconds(30), Rev = file.Rev },
            CollectAction.Collect => row with
            {
                Status = CollectedFileStatus.Collected, Reason = null, NextAttemptAt = null, Rev = file.Rev, Path = file.PathDisplay ?? row.Path,
                AfterActionDone = settings.AfterCollect == AfterCollect.Leave,
            },
            CollectAction.Wait => row with { Status = CollectedFileStatus.Waiting, Reason = decision.Reason, NextAttemptAt = null, Rev = file.Rev, Path = file.PathDisplay ?? row.Path },
            CollectAction.Skip => row with { Status = CollectedFileStatus.Skipped, Reason = decision.Reason, NextAttemptAt = null, Rev = file.Rev },
            CollectAction.Refuse => row with { Status = CollectedFileStatus.Failed, Reason = decision.Reason, NextAttemptAt = null, Rev = file.Rev },
            CollectAction.NoteMove => row with { Path = file.PathDisplay ?? row.Path },
            CollectAction.FinishAfterAction => row with { Path = file.PathDisplay ?? row.Path, AfterActionDone = true },
            _ => null,
        };
        if (next is null)
        {
            return;
        }
        if (index >= 0)
        {
            ledger[index] = next;
        }
        else
        {
            ledger.Add(next);
        }
    }
}
