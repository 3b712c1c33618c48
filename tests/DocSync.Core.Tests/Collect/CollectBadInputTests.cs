using System.IO.Compression;
using DocSync.Core.Collect;
using DocSync.Core.Organizing;
using DocSync.Core.Persistence;
using DocSync.Core.Tests.Infrastructure;

namespace DocSync.Core.Tests.Collect;

/// <summary>Bad files each get a clear per-file status, stay in Dropbox, and the run goes on.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class CollectBadInputTests(DatabaseFixture fixture)
{
    [Fact]
    public async Task Each_bad_file_has_its_reason_stays_in_Dropbox_and_the_good_ones_are_collected()
    {
        await using var h = await CollectHarness.StartAsync(fixture, DatabaseProvider.Sqlite, o => o.MaxFileSize = 200_000);
        var channel = await h.CreateChannelAsync();
        await h.PutAsync("/Drop/empty.pdf", []);
        await h.PutAsync("/Drop/huge.pdf", new byte[200_001]);
        await h.PutAsync("/Drop/notes.txt", "just some notes"u8.ToArray());
        await h.PutAsync("/Drop/setup.pdf", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]);
        await h.PutAsync("/Drop/broken.pdf", "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nthis is not a pdf at all\n"u8.ToArray());
        await h.PutAsync("/Drop/good.pdf", h.InvoicePdf("F2026-0300"));

        var run = await h.RunAsync(channel.Id);

        run!.Outcome.ShouldBe(CollectRunOutcome.Completed);
        (run.Seen, run.Collected).ShouldBe((6, 1));
        var files = (await h.RunFilesAsync(run.Id)).ToDictionary(f => f.Path);
        files["/Drop/empty.pdf"].Reason.ShouldBe(CollectReasons.Empty);
        files["/Drop/huge.pdf"].Reason.ShouldBe(CollectReasons.TooLarge);
        files["/Drop/huge.pdf"].Detail.ShouldNotBeNull().ShouldContain("MiB");
        files["/Drop/notes.txt"].Reason.ShouldBe(CollectReasons.UnsupportedType);
        files["/Drop/setup.pdf"].Reason.ShouldBe(CollectReasons.UnsupportedType);
        files["/Drop/broken.pdf"].Reason.ShouldBe(CollectReasons.CorruptPdf);
        files["/Drop/good.pdf"].Result.ShouldBe(CollectFileResult.Collected);
        (await h.InboxAsync()).Single().FileName.ShouldBe("good.pdf");
        (await CollectEngineTests.ListAsync(h, "/Drop")).Count.ShouldBe(6);

        // Final for that content: the next run does not try them again.
        var again = await h.RunAsync(channel.Id);
        (again!.Known, again.Failed, again.Skipped).ShouldBe((6, 0, 0));
    }

    [Fact]
    public async Task A_zip_gives_one_item_per_document_inside_without_any_path_escape()
    {
        await using var h = await CollectHarness.StartAsync(fixture, DatabaseProvider.Sqlite);
        var channel = await h.CreateChannelAsync();
        var zip = Zip(
            ("invoices/a.pdf", h.InvoicePdf("F2026-0401")),
            ("../../../etc/evil.pdf", h.InvoicePdf("F2026-0402")),
            ("C:\\Windows\\win.pdf", h.InvoicePdf("F2026-0403")),
            ("inner.zip", Zip(("x.pdf", h.InvoicePdf()))),
            ("readme.txt", "hello"u8.ToArray()),
            ("__MACOSX/._a.pdf", [0, 5, 22, 7]));
        await h.PutAsync("/Drop/batch.zip", zip);

        var run = await h.RunAsync(channel.Id);

        run!.Collected.ShouldBe(1);
        var items = await h.InboxAsync();
        items.Select(i => i.FileName).Order().ShouldBe(["a.pdf", "evil.pdf", "win.pdf"]);
        items.ShouldAllBe(i => i.ReadState == InboxReadState.Read);
        var line = (await h.RunFilesAsync(run.Id)).Single();
        line.Items.ShouldBe(3);
        line.Detail.ShouldNotBeNull().ShouldContain("inner.zip");
        (await h.RunAsync(channel.Id))!.Collected.ShouldBe(0);
        (await h.InboxAsync()).Count.ShouldBe(3);
    }

    [Fact]
    public async Task A_zip_bomb_or_damaged_zip_is_refused_with_its_reason()
    {
        await using var h = await CollectHarness.StartAsync(fixture, DatabaseProvider.Sqlite);
        var channel = await h.CreateChannelAsync();
        await h.PutAsync("/Drop/bomb.zip", Zip(("zeros.pdf", new byte[30 * 1024 * 1024])));
        await h.PutAsync("/Drop/damaged.zip", [.. "PK\u0003\u0004"u8, .. new byte[200]]);
        await h.PutAsync("/Drop/many.zip", Zip(Enumerable.Range(0, 205).Select(i => ($"f{i}.pdf", new byte[] { 1 })).ToArray()));

        var run = await h.RunAsync(channel.Id);

        var files = (await h.RunFilesAsync(run!.Id)).ToDictionary(f => f.Path);
        files["/Drop/bomb.zip"].Reason.ShouldBe(CollectReasons.UnsafeZip);
        files["/Drop/damaged.zip"].Reason.ShouldBe(CollectReasons.UnsafeZip);
        files["/Drop/many.zip"].Reason.ShouldBe(CollectReasons.UnsafeZip);
        files["/Drop/many.zip"].Detail.ShouldNotBeNull().ShouldContain("205");
        (await h.InboxAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Hostile_file_names_arrive_with_safe_names()
    {
        await using var h = await CollectHarness.StartAsync(fixture, DatabaseProvider.Sqlite);
        var channel = await h.CreateChannelAsync();
        var longName = new string('é', 250) + ".pdf";
        await h.PutAsync("/Drop/invoice\u202Efdp.exe.pdf", h.InvoicePdf());
        await h.PutAsync("/Drop/" + longName, h.InvoicePdf());
        await h.PutAsync("/Drop/🧾 reçu été.pdf", h.InvoicePdf());

        await h.RunAsync(channel.Id);

        var names = (await h.InboxAsync()).Select(i => i.FileName).ToList();
        names.Count.ShouldBe(3);
        names.ShouldContain("invoice_fdp.exe.pdf");
        names.ShouldContain("🧾 reçu été.pdf");
        names.ShouldContain(n => n.Length <= 255 && n.EndsWith(".pdf", StringComparison.Ordinal) && n.StartsWith("ééé", StringComparison.Ordinal));
    }

    internal static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = archive.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                stream.Write(content);
            }
        }
        return buffer.ToArray();
    }
}
