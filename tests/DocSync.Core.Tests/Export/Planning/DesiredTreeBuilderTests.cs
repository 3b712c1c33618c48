using CsCheck;
using DocSync.Core.Documents;
using DocSync.Core.Export;
using DocSync.Core.Export.Paths;
using DocSync.Core.Export.Planning;
using Shouldly;

namespace DocSync.Core.Tests.Export.Planning;

/// <summary><see cref="DesiredTreeBuilder"/>: which files a document should have in Dropbox, and where, as rows.</summary>
public sealed class DesiredTreeBuilderTests
{
    private static readonly Guid Id = Guid.Parse("00000000-0000-7000-8000-000000000001");

    private static ExportProfile Profile(Action<ExportProfile>? change = null)
    {
        var profile = new ExportProfile
        {
            Id = Guid.Parse("00000000-0000-7000-8000-0000000000ff"),
            Name = "Accounting",
            PathTemplate = ExportPathPresets.ByYearThenType,
            Folder = "Export",
            Language = "en",
            DocumentTypes = ExportProfile.TypeBits([DocumentType.Invoice, DocumentType.CreditNote]),
        };
        change?.Invoke(profile);
        return profile;
    }

    private static Document Document(string number = "F-1", DocumentType type = DocumentType.Invoice, DateTimeOffset? deletedAt = null) => new()
    {
        Id = Id,
        Type = type,
        Number = number,
        IssueDate = new DateOnly(2025, 3, 14),
        Currency = "EUR",
        SellerName = "DocSync SA",
        BuyerName = "Acme NV",
        CurrentVersion = 1,
        DeletedAt = deletedAt,
    };

    private static DocumentFile File(DocumentFileKind kind, string name, string sha, int n = 1) => new()
    {
        Id = Guid.Parse($"00000000-0000-7000-8000-{n:D12}"),
        DocumentId = Id,
        Kind = kind,
        FileName = name,
        ContentType = "application/octet-stream",
        Sha256 = sha,
        AddedInVersion = 1,
    };

    private static readonly DocumentFile Pdf = File(DocumentFileKind.Pdf, "F-1.pdf", "pdf-sha", 1);

    private static string[] Lines(DesiredTree tree) =>
        tree.Trees.Problem is { } problem
            ? [$"problem {problem.Code}"]
            : tree.Trees.Desired.Select(d => $"{d.Slot} {d.Path} {d.SourceSha256}")
                .Concat(tree.LeftOut is { } left ? [$"left out {left.Path}: {left.Reason}"] : []).ToArray();

    private static DesiredTree Build(SourceDocument? source, ExportProfile? profile = null, string root = "/DocSync", IReadOnlyList<SyncedFile>? synced = null) =>
        DesiredTreeBuilder.Build(Id, source, synced ?? [], ExportTarget.For(profile ?? Profile(), root, "DocSync SA"));

    [Fact]
    public void An_invoice_gets_its_PDF_and_the_UBL_DocSync_wrote_under_root_folder_and_layout() =>
        Lines(Build(new SourceDocument(Document(), [Pdf], GeneratedUbl.Written("ubl-sha")))).ShouldBe([
            "pdf /DocSync/Export/2025/Invoices/F-1 Acme NV.pdf pdf-sha",
            "ubl /DocSync/Export/2025/Invoices/F-1 Acme NV.xml ubl-sha",
        ]);

    [Fact]
    public void A_UBL_sent_with_the_document_is_exported_as_is_and_none_is_written() =>
        Lines(Build(new SourceDocument(Document(), [Pdf, File(DocumentFileKind.Ubl, "F-1.xml", "sent-sha", 2)]))).ShouldBe([
            "pdf /DocSync/Export/2025/Invoices/F-1 Acme NV.pdf pdf-sha",
            "ubl /DocSync/Export/2025/Invoices/F-1 Acme NV.xml sent-sha",
        ]);

    [Fact]
    public void No_UBL_when_the_profile_leaves_it_out_or_the_type_has_none()
    {
        var source = new SourceDocument(Document(), [Pdf]);
        DesiredTreeBuilder.GeneratesUbl(Profile(p => p.IncludeUbl = false), source).ShouldBeFalse();
        Lines(Build(source, Profile(p => p.IncludeUbl = false))).ShouldBe(["pdf /DocSync/Export/2025/Invoices/F-1 Acme NV.pdf pdf-sha"]);

        var quote = new SourceDocument(Document(type: DocumentType.Quote), [Pdf]);
        var all = Profile(p => p.DocumentTypes = ExportProfile.TypeBits(Enum.GetValues<DocumentType>()));
        DesiredTreeBuilder.GeneratesUbl(all, quote).ShouldBeFalse();
        Lines(Build(quote, all)).ShouldBe(["pdf /DocSync/Export/2025/Quotes/F-1 Acme NV.pdf pdf-sha"]);
    }

    [Fact]
    public void A_UBL_that_could_not_be_written_is_left_out_with_the_reason_and_the_PDF_still_goes() =>
        Lines(Build(new SourceDocument(Document(), [Pdf], GeneratedUbl.Failed("no VAT number")))).ShouldBe([
            "pdf /DocSync/Export/2025/Invoices/F-1 Acme NV.pdf pdf-sha",
            "left out /DocSync/Export/2025/Invoices/F-1 Acme NV.xml: No UBL: no VAT number",
        ]);

    [Fact]
    public void A_UBL_that_should_have_been_prepared_but_was_not_is_a_bug_not_a_missing_file() =>
        Should.Throw<InvalidOperationException>(() => Build(new SourceDocument(Document(), [Pdf])));

    [Fact]
    public void Attachments_go_next_to_the_PDF_named_after_it_unless_the_profile_leaves_them_out()
    {
        var source = new SourceDocument(Document(), [Pdf, File(DocumentFileKind.Attachment, "time sheet.xlsx", "att-sha", 7)], GeneratedUbl.Written("ubl-sha"));
        Lines(Build(source)).ShouldContain("att:00000000000070008000000000000007 /DocSync/Export/2025/Invoices/F-1 Acme NV - time sheet.xlsx att-sha");
        Lines(Build(source, Profile(p => p.IncludeAttachments = false))).ShouldNotContain(l => l.StartsWith("att:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("deleted")]
    [InlineData("gone")]
    [InlineData("type left the profile")]
    public void A_document_the_profile_no_longer_exports_wants_nothing_and_keeps_its_synced_files(string why)
    {
        var synced = new[] { ExportPlannerTests.Have("pdf", "/DocSync/Export/2025/Invoices/F-1 Acme NV.pdf", "pdf-sha") };
        var source = why switch
        {
            "deleted" => new SourceDocument(Document(deletedAt: DateTimeOffset.UnixEpoch), [Pdf]),
            "gone" => null,
            _ => new SourceDocument(Document(type: DocumentType.Order), [Pdf]),
        };
        var tree = Build(source, synced: synced);
        tree.Trees.Desired.ShouldBeEmpty();
        tree.Trees.Synced.ShouldBe(synced);
        tree.Trees.Problem.ShouldBeNull();
    }

    [Fact]
    public void An_invalid_layout_stops_the_document_and_says_so() =>
        Lines(Build(new SourceDocument(Document(), [Pdf], GeneratedUbl.Written("u")), Profile(p => p.PathTemplate = "{year}/{nonsense"))).ShouldBe(["problem path-invalid"]);

    [Fact]
    public void A_path_Dropbox_would_refuse_stops_the_document() =>
        Lines(Build(new SourceDocument(Document(), [Pdf], GeneratedUbl.Written("u")),
            Profile(p => p.Folder = new string('f', 120) + "/" + new string('g', 120)))).ShouldBe(["problem path-invalid"]);

    [Fact]
    public void In_accountant_mode_each_company_exports_under_its_own_folder_so_equal_numbers_do_not_collide()
    {
        var source = new SourceDocument(Document(), [Pdf], GeneratedUbl.Written("u"));
        var first = Build(source, root: "/Accountant/DocSync SA").Trees;
        var second = Build(source, root: "/Accountant/Other BV").Trees;
        first.Desired[0].Path.ShouldBe("/Accountant/DocSync SA/Export/2025/Invoices/F-1 Acme NV.pdf");
        second.Desired[0].Path.ShouldBe("/Accountant/Other BV/Export/2025/Invoices/F-1 Acme NV.pdf");
        var plans = ExportPlanner.Plan([first, second with { DocumentId = Guid.NewGuid() }], new Dictionary<string, Guid>(), false);
        plans.ShouldAllBe(p => p.Problem == null && p.Ops.Count == 2);
    }

    [Fact]
    public void Renumbering_a_document_moves_its_files_and_sends_no_bytes()
    {
        var before = Build(new SourceDocument(Document(number: "F-1"), [Pdf], GeneratedUbl.Written("u"))).Trees;
        var synced = before.Desired.Select(d => new SyncedFile(d.Slot, d.Path, d.PathKey, "id:" + d.Slot, "r1", d.SourceSha256)).ToList();
        var after = Build(new SourceDocument(Document(number: "F-2"), [Pdf], GeneratedUbl.Written("u")), synced: synced).Trees;
        ExportPlannerTests.Lines(ExportPlanner.Plan([after], new Dictionary<string, Guid>(), false).Single()).ShouldBe([
            "move pdf id:pdf /DocSync/Export/2025/Invoices/F-1 Acme NV.pdf -> /DocSync/Export/2025/Invoices/F-2 Acme NV.pdf",
            "move ubl id:ubl /DocSync/Export/2025/Invoices/F-1 Acme NV.xml -> /DocSync/Export/2025/Invoices/F-2 Acme NV.xml",
        ]);
    }

    [Fact]
    public void A_layout_change_moves_every_file_of_every_document()
    {
        var source = new SourceDocument(Document(), [Pdf], GeneratedUbl.Written("u"));
        var before = Build(source).Trees;
        var synced = before.Desired.Select(d => new SyncedFile(d.Slot, d.Path, d.PathKey, "id:" + d.Slot, "r1", d.SourceSha256)).ToList();
        var after = Build(source, Profile(p => p.PathTemplate = ExportPathPresets.ByTypeThenYear), synced: synced).Trees;
        after.Desired.Select(d => d.Path).ShouldBe(["/DocSync/Export/Invoices/2025/F-1 Acme NV.pdf", "/DocSync/Export/Invoices/2025/F-1 Acme NV.xml"]);
        ExportPlanner.Plan([after], new Dictionary<string, Guid>(), false).Single().Ops.ShouldAllBe(op => op is MoveOp);
    }

    [Fact]
    public void Property_every_path_is_under_the_root_and_one_Dropbox_takes_or_the_document_is_stopped()
    {
        var names = Gen.String[Gen.OneOf('a', 'Z', '7', '/', '\\', '.', ' ', ':', '*', '?', '"', '<', '>', '|', '\u0000', '\u202e', 'e', '\u0301', '\ud83d', '\u0130'), 0, 40];
        Gen.Select(names, names, names, Gen.Bool).Sample((number, buyer, attachment, accountant) =>
        {
            var root = accountant ? "/Accountant/DocSync SA" : "/DocSync";
            var document = Document(number: number);
            document.BuyerName = buyer;
            var source = new SourceDocument(document, [Pdf, File(DocumentFileKind.Attachment, attachment, "a", 3)], GeneratedUbl.Written("u"));
            var trees = Build(source, root: root).Trees;
            if (trees.Problem is not null)
            {
                trees.Problem.Code.ShouldBe(PlanProblem.PathInvalid);
                return;
            }
            trees.Desired.Count.ShouldBe(3);
            foreach (var file in trees.Desired)
            {
                DropboxNames.Problem(file.Path).ShouldBeNull(file.Path);
                file.Path.ShouldStartWith(root + "/Export/");
                file.PathKey.ShouldBe(DropboxNames.Key(file.Path));
            }
        }, iter: 5_000);
    }
}
