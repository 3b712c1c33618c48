using CsCheck;
using DocSync.Core.Export.Paths;
using DocSync.Core.Export.Planning;
using Shouldly;

namespace DocSync.Core.Tests.Export.Planning;

/// <summary>
/// Properties of <see cref="ExportPlanner"/> over random batches drawn from a small set of paths
/// (case-only and NFC/NFD twins among them, so collisions are frequent), with files unconfirmed,
/// moved, changed, removed and held by documents outside the batch.
/// </summary>
public sealed class ExportPlannerPropertyTests
{
    private static readonly string[] Paths =
    [
        "/E/a.pdf", "/E/A.pdf", "/E/b.pdf", "/E/B\u00e9.pdf", "/E/Be\u0301.pdf", "/E/c.xml", "/E/C.XML",
        "/E/x/a.pdf", "/E/X/a.pdf", "/E/d.xml", "/E/e - n.txt", "/E/f.pdf",
    ];

    private static readonly string[] Slots = ["pdf", "ubl", "att:1", "att:2"];

    private sealed record Batch(List<DocumentTrees> Documents, Dictionary<string, Guid> Held, bool DeleteRemoved, int Seed)
    {
        public override string ToString() =>
            $"delete={DeleteRemoved} held=[{string.Join(", ", Held.Keys)}]\n" + string.Join("\n", Documents.Select(d =>
                $"{d.DocumentId}: want [{string.Join(", ", d.Desired.Select(f => $"{f.Slot}={f.Path}#{f.SourceSha256}"))}] have [{string.Join(", ", d.Synced.Select(f => $"{f.Slot}={f.Path}#{f.SourceSha256}@{f.DropboxId}"))}]"));
    }

    private static readonly Gen<(int Path, int Sha)?> GenFile =
        Gen.Select(Gen.Int[0, Paths.Length - 1], Gen.Int[0, 2]).Nullable(0.4);

    private static readonly Gen<(Guid Id, (int Path, int Sha)?[] Want, (int Path, int Sha)?[] Have, bool Pending)> GenDocument =
        Gen.Select(Gen.Guid, GenFile.Array[Slots.Length], GenFile.Array[Slots.Length], Gen.Bool);

    private static readonly Gen<Batch> GenBatch =
        Gen.Select(GenDocument.Array[1, 8], Gen.Int[0, Paths.Length - 1].Array[0, 3], Gen.Bool, Gen.Int)
            .Select((documents, held, deleteRemoved, seed) => Build(documents, held, deleteRemoved, seed));

    /// <summary>
    /// A batch consistent with Dropbox: no two synced files (of any document) share a path, and the
    /// paths held outside the batch are not synced by a document of the batch.
    /// </summary>
    private static Batch Build((Guid Id, (int Path, int Sha)?[] Want, (int Path, int Sha)?[] Have, bool Pending)[] documents, int[] held, bool deleteRemoved, int seed)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var trees = new List<DocumentTrees>();
        foreach (var (id, want, have, pending) in documents.DistinctBy(d => d.Id))
        {
            var desired = want.Select((f, i) => f is { } file ? ExportPlannerTests.Want(Slots[i], Paths[file.Path], "s" + file.Sha) : null).OfType<DesiredFile>().ToList();
            var synced = new List<SyncedFile>();
            for (var i = 0; i < Slots.Length; i++)
            {
                if (have[i] is { } file && taken.Add(DropboxNames.Key(Paths[file.Path])))
                {
                    var unconfirmed = pending && i == 0;
                    synced.Add(ExportPlannerTests.Have(Slots[i], Paths[file.Path], "s" + file.Sha, unconfirmed ? "" : $"id:{id:N}:{i}", unconfirmed ? "" : "r1"));
                }
            }
            trees.Add(new DocumentTrees(id, desired, synced));
        }
        var others = held.Select(p => DropboxNames.Key(Paths[p])).Where(k => !taken.Contains(k)).Distinct().ToDictionary(k => k, _ => Guid.Empty, StringComparer.Ordinal);
        return new Batch(trees, others, deleteRemoved, seed);
    }

    private static List<string> Described(IEnumerable<DocumentPlan> plans) =>
        plans.Select(p => $"{p.DocumentId}: {string.Join(" | ", ExportPlannerTests.Lines(p))}").Order(StringComparer.Ordinal).ToList();

    /// <summary>Dropbox and DocSync's rows after the plans were carried out: a planned document has exactly its desired files.</summary>
    private static List<DocumentTrees> Applied(IReadOnlyList<DocumentTrees> documents, IReadOnlyList<DocumentPlan> plans, int round) =>
        documents.Zip(plans, (trees, plan) => plan.Problem is not null
            ? trees
            : trees with
            {
                Synced = trees.Desired.Select(d => new SyncedFile(d.Slot, d.Path, d.PathKey,
                    trees.Synced.FirstOrDefault(s => s.Slot == d.Slot && !s.Pending)?.DropboxId ?? $"id:new:{round}:{d.Slot}", $"r{round}", d.SourceSha256)).ToList(),
            }).ToList();

    [Fact]
    public void Property_planning_again_after_the_plan_was_carried_out_yields_nothing() =>
        GenBatch.Sample(batch =>
        {
            var first = ExportPlanner.Plan(batch.Documents, batch.Held, batch.DeleteRemoved);
            var after = Applied(batch.Documents, first, 2);
            var second = ExportPlanner.Plan(after, batch.Held, batch.DeleteRemoved);
            foreach (var (before, again) in first.Zip(second))
            {
                if (before.Problem is null)
                {
                    again.Problem.ShouldBeNull();
                    again.Ops.ShouldBeEmpty();
                }
            }
        }, iter: 10_000);

    [Fact]
    public void Property_rounds_converge_every_document_without_a_problem_ends_with_its_desired_files() =>
        GenBatch.Sample(batch =>
        {
            var documents = batch.Documents;
            IReadOnlyList<DocumentPlan> plans = [];
            for (var round = 2; round < documents.Count + 4; round++)
            {
                plans = ExportPlanner.Plan(documents, batch.Held, batch.DeleteRemoved);
                if (plans.All(p => p.Ops.Count == 0))
                {
                    return;
                }
                documents = Applied(documents, plans, round);
            }
            throw new InvalidOperationException("No fixed point after one round per document: " + string.Join("; ", Described(plans)));
        }, iter: 10_000);

    [Fact]
    public void Property_no_two_files_ever_share_a_path_case_insensitively_and_NFC() =>
        GenBatch.Sample(batch =>
        {
            var plans = ExportPlanner.Plan(batch.Documents, batch.Held, batch.DeleteRemoved);
            var claimed = new Dictionary<string, Guid>(StringComparer.Ordinal);
            foreach (var (trees, plan) in batch.Documents.Zip(plans))
            {
                // Where this document's files are once its plan is done.
                var files = plan.Problem is null ? trees.Desired.Select(d => d.Path) : trees.Synced.Select(s => s.Path);
                foreach (var path in files)
                {
                    var key = path.Normalize(System.Text.NormalizationForm.FormC).ToUpperInvariant();
                    batch.Held.ContainsKey(DropboxNames.Key(path)).ShouldBeFalse($"{path} is held outside the batch");
                    claimed.TryAdd(key, trees.DocumentId).ShouldBeTrue($"{path} claimed twice");
                }
            }
        }, iter: 10_000);

    [Fact]
    public void Property_a_plan_never_deletes_when_delete_in_Dropbox_is_off() =>
        GenBatch.Where(b => !b.DeleteRemoved).Sample(batch =>
            ExportPlanner.Plan(batch.Documents, batch.Held, false).SelectMany(p => p.Ops).OfType<DeleteOp>().ShouldBeEmpty(), iter: 10_000);

    [Fact]
    public void Property_deletes_and_forgets_only_files_that_left_their_document() =>
        GenBatch.Sample(batch =>
        {
            foreach (var (trees, plan) in batch.Documents.Zip(ExportPlanner.Plan(batch.Documents, batch.Held, batch.DeleteRemoved)))
            {
                var kept = trees.Desired.Select(d => d.Slot).ToHashSet();
                plan.Ops.Where(op => op is DeleteOp or ForgetOp).ShouldAllBe(op => !kept.Contains(op.Slot) && op.DocumentId == trees.DocumentId);
            }
        }, iter: 10_000);

    [Fact]
    public void Property_the_plans_do_not_depend_on_the_order_of_the_batch() =>
        GenBatch.Sample(batch =>
        {
            var shuffled = batch.Documents.ToArray();
            new Random(batch.Seed).Shuffle(shuffled);
            var plans = ExportPlanner.Plan(shuffled, batch.Held, batch.DeleteRemoved);
            plans.Select(p => p.DocumentId).ShouldBe(shuffled.Select(d => d.DocumentId), "plans come in the batch's order");
            Described(plans).ShouldBe(Described(ExportPlanner.Plan(batch.Documents, batch.Held, batch.DeleteRemoved)));
        }, iter: 10_000);
}
