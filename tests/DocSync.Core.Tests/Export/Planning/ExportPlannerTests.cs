using DocSync.Core.Export.Paths;
using DocSync.Core.Export.Planning;
using Shouldly;

namespace DocSync.Core.Tests.Export.Planning;

/// <summary>Each rule of <see cref="ExportPlanner"/> as a row: two trees in, the operations (or the problem) out.</summary>
public sealed class ExportPlannerTests
{
    private static readonly Guid A = Guid.Parse("00000000-0000-7000-8000-00000000000a");
    private static readonly Guid B = Guid.Parse("00000000-0000-7000-8000-00000000000b");
    private static readonly Guid C = Guid.Parse("00000000-0000-7000-8000-00000000000c");
    private static readonly Dictionary<string, Guid> NoneHeld = new(StringComparer.Ordinal);

    internal static DesiredFile Want(string slot, string path, string sha) => new(slot, path, DropboxNames.Key(path), sha);

    internal static SyncedFile Have(string slot, string path, string sha, string id = "id:x", string rev = "r1") =>
        new(slot, path, DropboxNames.Key(path), id, rev, sha);

    private static DocumentPlan One(DocumentTrees trees, bool deleteRemoved = false, Dictionary<string, Guid>? held = null) =>
        ExportPlanner.Plan([trees], held ?? NoneHeld, deleteRemoved).Single();

    /// <summary>The plan as short lines, to compare with a row's expectation.</summary>
    internal static string[] Lines(DocumentPlan plan) => plan.Problem is { } problem
        ? [$"problem {problem.Code}"]
        : plan.Ops.Select(op => op switch
        {
            UploadOp u => $"upload {u.Slot} {u.Path} {u.SourceSha256} {(u.Rev is null ? "add" : "update " + u.Rev)}",
            MoveOp m => $"move {m.Slot} {(m.DropboxId.Length > 0 ? m.DropboxId : "(by path)")} {m.FromPath} -> {m.ToPath}",
            DeleteOp d => $"delete {d.Slot} {d.DropboxId} {d.Path}",
            ForgetOp f => $"forget {f.Slot} {f.Path}",
            _ => throw new InvalidOperationException(op.ToString()),
        }).ToArray();

    public static TheoryData<string, DocumentTrees, bool, string[]> Rows() => new()
    {
        {
            "a new document uploads each file with mode add",
            new DocumentTrees(A, [Want("pdf", "/E/2025/F-1 Acme.pdf", "p1"), Want("ubl", "/E/2025/F-1 Acme.xml", "u1")], []),
            false,
            ["upload pdf /E/2025/F-1 Acme.pdf p1 add", "upload ubl /E/2025/F-1 Acme.xml u1 add"]
        },
        {
            "a document as last agreed needs nothing",
            new DocumentTrees(A, [Want("pdf", "/E/F-1.pdf", "p1")], [Have("pdf", "/E/F-1.pdf", "p1")]),
            false,
            []
        },
        {
            "changed content is written over our revision with update(rev)",
            new DocumentTrees(A, [Want("pdf", "/E/F-1.pdf", "p2")], [Have("pdf", "/E/F-1.pdf", "p1", rev: "r7")]),
            false,
            ["upload pdf /E/F-1.pdf p2 update r7"]
        },
        {
            "a renumbered document moves its file by id, server-side, and sends no bytes",
            new DocumentTrees(A, [Want("pdf", "/E/F-2.pdf", "p1")], [Have("pdf", "/E/F-1.pdf", "p1", id: "id:1")]),
            false,
            ["move pdf id:1 /E/F-1.pdf -> /E/F-2.pdf"]
        },
        {
            "renumbered and changed: the move comes first, then update(rev) at the new path",
            new DocumentTrees(A, [Want("pdf", "/E/F-2.pdf", "p2")], [Have("pdf", "/E/F-1.pdf", "p1", id: "id:1", rev: "r3")]),
            false,
            ["move pdf id:1 /E/F-1.pdf -> /E/F-2.pdf", "upload pdf /E/F-2.pdf p2 update r3"]
        },
        {
            "a case-only change of the path is the same path in Dropbox: nothing to do",
            new DocumentTrees(A, [Want("pdf", "/E/ACME/F-1.pdf", "p1")], [Have("pdf", "/E/Acme/F-1.pdf", "p1")]),
            false,
            []
        },
        {
            "NFD and NFC spellings of one name are one path: nothing to do",
            new DocumentTrees(A, [Want("pdf", "/E/Be\u0301ne\u0301.pdf", "p1")], [Have("pdf", "/E/B\u00e9n\u00e9.pdf", "p1")]),
            false,
            []
        },
        {
            "a deleted document's files stay in Dropbox, untracked, when delete-in-Dropbox is off",
            new DocumentTrees(A, [], [Have("pdf", "/E/F-1.pdf", "p1", id: "id:1"), Have("ubl", "/E/F-1.xml", "u1", id: "id:2")]),
            false,
            ["forget pdf /E/F-1.pdf", "forget ubl /E/F-1.xml"]
        },
        {
            "a deleted document's files are deleted by id when delete-in-Dropbox is on",
            new DocumentTrees(A, [], [Have("ubl", "/E/F-1.xml", "u1", id: "id:2"), Have("pdf", "/E/F-1.pdf", "p1", id: "id:1")]),
            true,
            ["delete pdf id:1 /E/F-1.pdf", "delete ubl id:2 /E/F-1.xml"]
        },
        {
            "an attachment removed from the document goes; its siblings stay; removals come before uploads",
            new DocumentTrees(A, [Want("pdf", "/E/F-1.pdf", "p2")], [Have("pdf", "/E/F-1.pdf", "p1", rev: "r1"), Have("att:9", "/E/F-1 - a.txt", "a1", id: "id:9")]),
            true,
            ["delete att:9 id:9 /E/F-1 - a.txt", "upload pdf /E/F-1.pdf p2 update r1"]
        },
        {
            "a file written but never confirmed (no id) is written again with mode add, which recognises the same content",
            new DocumentTrees(A, [Want("pdf", "/E/F-1.pdf", "p1")], [Have("pdf", "/E/F-1.pdf", "p1", id: "", rev: "")]),
            false,
            ["upload pdf /E/F-1.pdf p1 add"]
        },
        {
            "an unconfirmed file whose path changed is moved by path, then written with mode add",
            new DocumentTrees(A, [Want("pdf", "/E/F-2.pdf", "p1")], [Have("pdf", "/E/F-1.pdf", "p1", id: "", rev: "")]),
            false,
            ["move pdf (by path) /E/F-1.pdf -> /E/F-2.pdf", "upload pdf /E/F-2.pdf p1 add"]
        },
        {
            "two files of one document on one path stop the document",
            new DocumentTrees(A, [Want("pdf", "/E/F-1.pdf", "p1"), Want("att:1", "/E/f-1.PDF", "a1")], []),
            false,
            ["problem path-collision"]
        },
        {
            "a problem found while building the trees stops the document, even its removals",
            new DocumentTrees(A, [], [Have("pdf", "/E/F-1.pdf", "p1")], new PlanProblem(PlanProblem.PathInvalid, "too long")),
            true,
            ["problem path-invalid"]
        },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Each_rule(string rule, DocumentTrees trees, bool deleteRemoved, string[] expected) =>
        Lines(One(trees, deleteRemoved)).ShouldBe(expected, rule);

    [Fact]
    public void A_path_held_by_a_document_outside_the_batch_stops_the_document_and_says_how_to_fix_it()
    {
        var plan = One(new DocumentTrees(A, [Want("pdf", "/E/F-1.pdf", "p1")], []), held: new(StringComparer.Ordinal) { [DropboxNames.Key("/E/f-1.pdf")] = B });
        plan.Problem!.Code.ShouldBe(PlanProblem.PathCollision);
        plan.Problem.Message.ShouldContain("{number}");
        plan.Ops.ShouldBeEmpty();
    }

    [Fact]
    public void A_layout_change_plans_one_move_per_file_and_no_upload()
    {
        var documents = new[] { A, B, C }.Select((id, i) => new DocumentTrees(id,
            [Want("pdf", $"/E/Invoices/2025/F-{i}.pdf", $"p{i}"), Want("ubl", $"/E/Invoices/2025/F-{i}.xml", $"u{i}")],
            [Have("pdf", $"/E/2025/Invoices/F-{i}.pdf", $"p{i}", id: $"id:p{i}"), Have("ubl", $"/E/2025/Invoices/F-{i}.xml", $"u{i}", id: $"id:u{i}")])).ToList();
        var plans = ExportPlanner.Plan(documents, NoneHeld, deleteRemoved: true);
        plans.SelectMany(p => p.Ops).ShouldAllBe(op => op is MoveOp);
        plans.SelectMany(p => p.Ops).Count().ShouldBe(6);
        plans.Select(p => p.DocumentId).ShouldBe([A, B, C]);
    }

    [Fact]
    public void Two_documents_of_a_batch_wanting_one_free_path_the_older_gets_it_whatever_the_order()
    {
        var older = new DocumentTrees(A, [Want("pdf", "/E/F-1.pdf", "pa")], []);
        var newer = new DocumentTrees(B, [Want("pdf", "/E/f-1.pdf", "pb")], []);
        foreach (var batch in new[] { new[] { older, newer }, [newer, older] })
        {
            var plans = ExportPlanner.Plan(batch, NoneHeld, deleteRemoved: false).ToDictionary(p => p.DocumentId);
            Lines(plans[A]).ShouldBe(["upload pdf /E/F-1.pdf pa add"]);
            Lines(plans[B]).ShouldBe(["problem path-collision"]);
        }
    }

    [Fact]
    public void A_path_another_document_of_the_batch_still_holds_is_not_taken_even_if_that_one_moves_away()
    {
        // B leaves /E/F-1.pdf in this batch and A wants it: the move has not happened when A's upload
        // would go, so A waits (its task is revived once a move frees a path).
        var leaving = new DocumentTrees(B, [Want("pdf", "/E/F-9.pdf", "pb")], [Have("pdf", "/E/F-1.pdf", "pb", id: "id:b")]);
        var arriving = new DocumentTrees(A, [Want("pdf", "/E/F-1.pdf", "pa")], []);
        var plans = ExportPlanner.Plan([leaving, arriving], NoneHeld, deleteRemoved: false).ToDictionary(p => p.DocumentId);
        Lines(plans[B]).ShouldBe(["move pdf id:b /E/F-1.pdf -> /E/F-9.pdf"]);
        Lines(plans[A]).ShouldBe(["problem path-collision"]);
    }

    [Fact]
    public void A_document_keeps_its_own_path_when_it_is_held_by_itself()
    {
        var plan = One(new DocumentTrees(A, [Want("pdf", "/E/F-1.pdf", "p2")], [Have("pdf", "/E/F-1.pdf", "p1")]),
            held: new(StringComparer.Ordinal) { [DropboxNames.Key("/E/other.pdf")] = B });
        Lines(plan).ShouldBe(["upload pdf /E/F-1.pdf p2 update r1"]);
    }
}
