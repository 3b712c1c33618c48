using System.Data.Common;
using System.Text;
using DocSync.Core.Access;
using DocSync.Core.Blobs;
using DocSync.Core.Errors;
using DocSync.Core.Files;
using DocSync.Core.Organizing;
using DocSync.Core.Persistence;
using DocSync.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DocSync.Core.Tests.Files;

/// <summary>Files end to end in the core: paging a huge folder, moves and their races, the trash, search, zips, company scope.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class FilesTests(DatabaseFixture fixture)
{
    private static MemoryStream Text(string text) => new(Encoding.UTF8.GetBytes(text));

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task PageAsync_FolderOf10000Files_EveryFileOnceInNameOrderAndLastPageEnds(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        var owner = await host.NewCompanyAsync();
        FolderInfo big;
        await using (var unit = host.Scope(owner))
        {
            var folders = unit.ServiceProvider.GetRequiredService<FolderService>();
            big = await folders.CreateFolderAsync(null, "Scans");
            await folders.CreateFolderAsync(big.Id, "Sub");
            var blob = await host.Get<BlobStore>().WriteAsync(Text("one scan"));

            // Rows straight in (the service would write 10,000 blobs); names in a scrambled order and mixed case.
            var db = unit.ServiceProvider.GetRequiredService<DocSyncDbContext>();
            var now = host.Time.GetUtcNow();
            db.FolderFiles.AddRange(Enumerable.Range(0, 10_000).Select(i => (i * 7919) % 10_000).Select(n =>
            {
                var name = (n % 2 == 0 ? "Scan " : "scan ") + n.ToString("D5", System.Globalization.CultureInfo.InvariantCulture) + ".pdf";
                return new FolderFile
                {
                    Id = Guid.CreateVersion7(now), CompanyId = owner.CompanyId, FolderId = big.Id, FileName = name, NameKey = FileNames.Key(name),
                    ContentType = "application/pdf", Sha256 = blob.Sha256, Length = blob.Length, CreatedAt = now, Version = 1,
                };
            }));
            await db.SaveChangesAsync();
        }

        await using var reader = host.Scope(owner with { Rights = DocSync.Core.Companies.RoleRights.For(DocSync.Core.Companies.CompanyRole.Member) });
        var browser = reader.ServiceProvider.GetRequiredService<FileBrowser>();
        var seen = new List<string>();
        string? next = null;
        var pages = 0;
        do
        {
            var page = await browser.PageAsync(big.Id, next, 500);
            page.FileCount.ShouldBe(10_000);
            (page.Folders.Count == 1).ShouldBe(pages == 0, "subfolders come with the first page only");
            seen.AddRange(page.Files.Select(f => f.FileName));
            next = page.Next;
            pages++;
        }
        while (next is not null && pages < 100);

        pages.ShouldBe(20);
        seen.Count.ShouldBe(10_000);
        seen.Distinct(StringComparer.OrdinalIgnoreCase).Count().ShouldBe(10_000);
        seen.Select(FileNames.Key).ShouldBe(seen.Select(FileNames.Key).Order(StringComparer.Ordinal));
        seen[0].ShouldBe("Scan 00000.pdf");
        seen[^1].ShouldBe("scan 09999.pdf");
        (await Should.ThrowAsync<ValidationFailedException>(() => browser.PageAsync(big.Id, "%%%not-a-key", 10))).Errors.Single().Field.ShouldBe("after");
        (await Should.ThrowAsync<ValidationFailedException>(() => browser.PageAsync(big.Id, null, 501))).Errors.Single().Field.ShouldBe("pageSize");

        if (provider == DatabaseProvider.Sqlite)
        {
            // A page deep in the folder is read through the (FolderId, NameKey) index, in its order: no scan, no sort.
            var db = reader.ServiceProvider.GetRequiredService<DocSyncDbContext>();
            await using var command = browser.PageQuery(big.Id, FileNames.Key("scan 05000.pdf"), 101).CreateDbCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
            await db.Database.OpenConnectionAsync();
            var plan = new List<string>();
            await using (var rows = await command.ExecuteReaderAsync())
            {
                while (await rows.ReadAsync())
                {
                    plan.Add(rows.GetString(rows.GetOrdinal("detail")));
                }
            }

            string.Join(" | ", plan).ShouldContain("USING INDEX IX_FolderFiles_FolderId_NameKey");
            plan.ShouldNotContain(line => line.Contains("TEMP B-TREE", StringComparison.Ordinal));
        }
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task MoveFolderAsync_IntoItselfOrItsSubtree_RefusedElsewhereMovedWithWhatItHolds(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        await using var unit = host.Scope(await host.NewCompanyAsync());
        var folders = unit.ServiceProvider.GetRequiredService<FolderService>();
        var a = await folders.CreateFolderAsync(null, "A");
        var b = await folders.CreateFolderAsync(a.Id, "B");
        var c = await folders.CreateFolderAsync(b.Id, "C");
        var other = await folders.CreateFolderAsync(null, "Other");
        var file = await folders.AddFileAsync(c.Id, "deep.txt", "text/plain", Text("deep"));

        foreach (var target in new[] { a.Id, b.Id, c.Id })
        {
            (await Should.ThrowAsync<ValidationFailedException>(() => folders.MoveFolderAsync(a.Id, target))).Errors.Single().Code.ShouldBe("into-itself");
        }

        var moved = await folders.MoveFolderAsync(b.Id, other.Id);

        moved.ParentId.ShouldBe(other.Id);
        moved.Version.ShouldBe(b.Version + 1);
        var browser = unit.ServiceProvider.GetRequiredService<FileBrowser>();
        (await browser.PathAsync(c.Id)).Select(f => f.Name).ShouldBe(["Other", "B", "C"]);
        (await browser.SearchAsync("DEEP")).ShouldHaveSingleItem().FolderPath.ShouldBe("Other/B/C");
        (await folders.ListAsync(a.Id)).Folders.ShouldBeEmpty();
        await folders.CreateFolderAsync(null, "B");
        (await Should.ThrowAsync<ConflictException>(() => folders.MoveFolderAsync(b.Id, null))).Code.ShouldBe("name-taken");
        (await folders.MoveFileAsync(file.Id, null)).FolderId.ShouldBeNull();
        (await browser.PageAsync(null)).Files.ShouldHaveSingleItem().FileName.ShouldBe("deep.txt");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task MoveFileAsync_ConcurrentMovesOfOneFile_OneWinsOthersChangedMeanwhile(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        var owner = await host.NewCompanyAsync();
        FolderFileInfo file;
        var targets = new List<Guid>();
        await using (var unit = host.Scope(owner))
        {
            var folders = unit.ServiceProvider.GetRequiredService<FolderService>();
            var from = await folders.CreateFolderAsync(null, "From");
            file = await folders.AddFileAsync(from.Id, "contested.pdf", "application/pdf", Text("%PDF-1.4 contested"));
            for (var i = 0; i < 6; i++)
            {
                targets.Add((await folders.CreateFolderAsync(null, $"To {i}")).Id);
            }
        }

        // Everyone decided from version 1, at once, each in its own unit of work (as concurrent requests do).
        var outcomes = await Task.WhenAll(targets.Select(async target =>
        {
            await using var unit = host.Scope(owner);
            try
            {
                await unit.ServiceProvider.GetRequiredService<FolderService>().MoveFileAsync(file.Id, target, file.Version);
                return (target, "moved");
            }
            catch (ConflictException e)
            {
                return (target, e.Code);
            }
        }));

        outcomes.Count(o => o.Item2 == "moved").ShouldBe(1);
        outcomes.Where(o => o.Item2 != "moved").ShouldAllBe(o => o.Item2 == "changed-meanwhile");
        await using var check = host.Scope(owner);
        var stored = await check.ServiceProvider.GetRequiredService<DocSyncDbContext>().FolderFiles.SingleAsync(f => f.Id == file.Id);
        stored.FolderId.ShouldBe(outcomes.Single(o => o.Item2 == "moved").target);
        stored.Version.ShouldBe(2);

        // The same stale version later is refused too; the current one is not.
        var folders2 = check.ServiceProvider.GetRequiredService<FolderService>();
        (await Should.ThrowAsync<ConflictException>(() => folders2.RenameFileAsync(file.Id, "x.pdf", 1))).Code.ShouldBe("changed-meanwhile");
        (await folders2.RenameFileAsync(file.Id, "x.pdf", 2)).Version.ShouldBe(3);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Trash_FileRestoredWhereItWasUnderAFreeName_FolderGoneRestoresToTop(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        await using var unit = host.Scope(await host.NewCompanyAsync());
        var folders = unit.ServiceProvider.GetRequiredService<FolderService>();
        var trash = unit.ServiceProvider.GetRequiredService<FileTrash>();
        var contracts = await folders.CreateFolderAsync(null, "Contracts");
        var lease = await folders.AddFileAsync(contracts.Id, "Lease.pdf", "application/pdf", Text("old lease"));
        var nda = await folders.AddFileAsync(contracts.Id, "nda.pdf", "application/pdf", Text("nda"));

        await folders.TrashFileAsync(lease.Id);
        var again = await folders.AddFileAsync(contracts.Id, "LEASE.pdf", "application/pdf", Text("new lease"));
        (await trash.ListAsync()).ShouldHaveSingleItem().ShouldBe(new TrashItem(lease.Id, false, "Lease.pdf", "Contracts", host.Time.GetUtcNow(), host.Time.GetUtcNow().AddDays(30), 1, 9));
        var restored = await trash.RestoreAsync(lease.Id);

        restored.ShouldBe(("Lease (restored).pdf", (Guid?)contracts.Id));
        (await folders.ListAsync(contracts.Id)).Files.Select(f => (f.FileName, f.Id)).ShouldBe([("LEASE.pdf", again.Id), ("Lease (restored).pdf", lease.Id), ("nda.pdf", nda.Id)], ignoreOrder: true);
        (await trash.ListAsync()).ShouldBeEmpty();

        // A file deleted on its own, then its folder: the folder restores with what it held then; the file, its folder gone, to the top.
        await folders.TrashFileAsync(nda.Id);
        host.Time.Advance(TimeSpan.FromMinutes(1));
        await folders.TrashFolderAsync(contracts.Id);
        (await trash.ListAsync()).Select(i => (i.Name, i.IsFolder, i.Files)).ShouldBe([("Contracts", true, 2), ("nda.pdf", false, 1)]);
        await trash.PurgeAsync(contracts.Id);
        (await trash.RestoreAsync(nda.Id)).ShouldBe(("nda.pdf", (Guid?)null));
        (await folders.ListAsync()).Files.ShouldHaveSingleItem().Id.ShouldBe(nda.Id);
        await Should.ThrowAsync<NotFoundException>(() => trash.RestoreAsync(contracts.Id));
        await Should.ThrowAsync<NotFoundException>(() => trash.RestoreAsync(nda.Id));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Trash_FolderRestoredWithSubfoldersAndFiles_NameClashSuffixed(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        await using var unit = host.Scope(await host.NewCompanyAsync());
        var folders = unit.ServiceProvider.GetRequiredService<FolderService>();
        var browser = unit.ServiceProvider.GetRequiredService<FileBrowser>();
        var trash = unit.ServiceProvider.GetRequiredService<FileTrash>();
        var year = await folders.CreateFolderAsync(null, "2026");
        var q1 = await folders.CreateFolderAsync(year.Id, "Q1");
        await folders.AddFileAsync(q1.Id, "bank.csv", "text/csv", Text("a;b"));
        await folders.AddFileAsync(year.Id, "summary.txt", "text/plain", Text("sum"));

        await folders.TrashFolderAsync(year.Id);
        (await browser.SearchAsync("bank")).ShouldBeEmpty();
        await folders.CreateFolderAsync(null, "2026");
        var (name, parent) = await trash.RestoreAsync(year.Id);

        (name, parent).ShouldBe(("2026 (restored)", (Guid?)null));
        (await browser.PageAsync(year.Id)).Files.ShouldHaveSingleItem().FileName.ShouldBe("summary.txt");
        (await browser.PageAsync(q1.Id)).Files.ShouldHaveSingleItem().FileName.ShouldBe("bank.csv");
        (await browser.SearchAsync("BANK")).ShouldHaveSingleItem().FolderPath.ShouldBe("2026 (restored)/Q1");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TrashSweeper_AfterRetention_PurgesEveryCompanysOldItemsOnly(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        var a = await host.NewCompanyAsync("A BV", "a@example.be");
        var b = await host.NewCompanyAsync("B BV", "b@example.be");
        Guid oldFolder, oldFile, recentFile;
        await using (var unit = host.Scope(a))
        {
            var folders = unit.ServiceProvider.GetRequiredService<FolderService>();
            var folder = await folders.CreateFolderAsync(null, "Old");
            var sub = await folders.CreateFolderAsync(folder.Id, "Sub");
            await folders.CreateFolderAsync(sub.Id, "SubSub");
            await folders.AddFileAsync(sub.Id, "in-sub.txt", "text/plain", Text("x"));
            await folders.TrashFolderAsync(folder.Id);
            oldFolder = folder.Id;
        }

        await using (var unit = host.Scope(b))
        {
            var folders = unit.ServiceProvider.GetRequiredService<FolderService>();
            oldFile = (await folders.AddFileAsync(null, "old.txt", "text/plain", Text("old"))).Id;
            await folders.TrashFileAsync(oldFile);
            host.Time.Advance(TimeSpan.FromDays(2));
            recentFile = (await folders.AddFileAsync(null, "recent.txt", "text/plain", Text("recent"))).Id;
            await folders.TrashFileAsync(recentFile);
        }

        host.Time.Advance(TimeSpan.FromDays(29));
        (await host.Get<TrashSweeper>().SweepAsync()).ShouldBe(2);
        (await host.Get<TrashSweeper>().SweepAsync()).ShouldBe(0);

        await using var check = host.Scope();
        var db = check.ServiceProvider.GetRequiredService<DocSyncDbContext>();
        (await db.Folders.IgnoreQueryFilters().CountAsync(f => f.CompanyId == a.CompanyId)).ShouldBe(0);
        (await db.FolderFiles.IgnoreQueryFilters().Select(f => f.Id).ToListAsync()).ShouldBe([recentFile]);
        (await db.AuditEntries.IgnoreQueryFilters().Where(e => e.Action == "Deleted" && e.ActorKind == ActorKind.System).Select(e => e.EntityId).ToListAsync())
            .ShouldBe([oldFolder.ToString(), oldFile.ToString()], ignoreOrder: true);
    }

    [Fact]
    public void FilesOptions_OutOfRange_NamesTheSetting()
    {
        var validator = new FilesOptionsValidator();
        validator.Validate(null, new FilesOptions()).Succeeded.ShouldBeTrue();
        validator.Validate(null, new FilesOptions { TrashRetention = TimeSpan.FromMinutes(5) }).FailureMessage!.ShouldContain("DocSync:Files:TrashRetention");
        validator.Validate(null, new FilesOptions { TrashSweepInterval = TimeSpan.FromSeconds(1) }).FailureMessage!.ShouldContain("DocSync:Files:TrashSweepInterval");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AnotherCompanysFiles_NotFoundNotListedNotSearchedNotRestored(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        var a = await host.NewCompanyAsync("A BV", "a@example.be");
        var b = await host.NewCompanyAsync("B BV", "b@example.be");
        Guid bFolder, bFile, bTrashed;
        await using (var unit = host.Scope(b))
        {
            var folders = unit.ServiceProvider.GetRequiredService<FolderService>();
            bFolder = (await folders.CreateFolderAsync(null, "Secret")).Id;
            bFile = (await folders.AddFileAsync(bFolder, "salaries.xlsx", "application/octet-stream", Text("secret"))).Id;
            bTrashed = (await folders.AddFileAsync(null, "salaries-old.xlsx", "application/octet-stream", Text("old secret"))).Id;
            await folders.TrashFileAsync(bTrashed);
        }

        await using var unitA = host.Scope(a);
        var mine = unitA.ServiceProvider.GetRequiredService<FolderService>();
        var browser = unitA.ServiceProvider.GetRequiredService<FileBrowser>();
        var trash = unitA.ServiceProvider.GetRequiredService<FileTrash>();
        var own = await mine.CreateFolderAsync(null, "Mine");
        var ownFile = await mine.AddFileAsync(own.Id, "mine.txt", "text/plain", Text("mine"));

        await Should.ThrowAsync<NotFoundException>(() => browser.PageAsync(bFolder));
        await Should.ThrowAsync<NotFoundException>(() => browser.ZipEntriesAsync([bFile], []));
        await Should.ThrowAsync<NotFoundException>(() => browser.ZipEntriesAsync([], [bFolder]));
        await Should.ThrowAsync<NotFoundException>(() => mine.MoveFileAsync(bFile, own.Id));
        await Should.ThrowAsync<NotFoundException>(() => mine.MoveFileAsync(ownFile.Id, bFolder));
        await Should.ThrowAsync<NotFoundException>(() => mine.MoveFolderAsync(own.Id, bFolder));
        await Should.ThrowAsync<NotFoundException>(() => mine.TrashFolderAsync(bFolder));
        await Should.ThrowAsync<NotFoundException>(() => trash.RestoreAsync(bTrashed));
        await Should.ThrowAsync<NotFoundException>(() => trash.PurgeAsync(bTrashed));
        (await browser.SearchAsync("salaries")).ShouldBeEmpty();
        (await browser.TreeAsync()).ShouldHaveSingleItem().Folder.Id.ShouldBe(own.Id);
        (await trash.ListAsync()).ShouldBeEmpty();
        (await trash.EmptyAsync()).ShouldBe(0);

        await using var unitB = host.Scope(b);
        (await unitB.ServiceProvider.GetRequiredService<FileTrash>().ListAsync()).ShouldHaveSingleItem().Id.ShouldBe(bTrashed);
        (await unitB.ServiceProvider.GetRequiredService<FileBrowser>().PageAsync(bFolder)).Files.ShouldHaveSingleItem().Id.ShouldBe(bFile);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AddFileAsync_KeepBoth_NumbersANameInUseNeverOverwrites(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        await using var unit = host.Scope(await host.NewCompanyAsync());
        var folders = unit.ServiceProvider.GetRequiredService<FolderService>();

        var first = await folders.AddFileAsync(null, "scan.pdf", "application/pdf", Text("one"), keepBoth: true);
        var second = await folders.AddFileAsync(null, "SCAN.pdf", "application/pdf", Text("two"), keepBoth: true);

        (first.FileName, second.FileName).ShouldBe(("scan.pdf", "SCAN (2).pdf"));
        (await Should.ThrowAsync<ConflictException>(() => folders.AddFileAsync(null, "Scan.PDF", "application/pdf", Text("three")))).Code.ShouldBe("name-taken");
        (await Should.ThrowAsync<ValidationFailedException>(() => folders.AddFileAsync(null, "invoice\u202Efdp.exe", "application/pdf", Text("rtl"), keepBoth: true)))
            .Errors.Single().Field.ShouldBe("fileName");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ZipEntriesAsync_FolderAndSelection_PathsInsideMadeUnique(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        await using var unit = host.Scope(await host.NewCompanyAsync());
        var folders = unit.ServiceProvider.GetRequiredService<FolderService>();
        var year = await folders.CreateFolderAsync(null, "2026");
        var q1 = await folders.CreateFolderAsync(year.Id, "Q1");
        await folders.AddFileAsync(q1.Id, "bank.csv", "text/csv", Text("a;b"));
        await folders.AddFileAsync(year.Id, "summary.txt", "text/plain", Text("sum"));
        var trashed = await folders.AddFileAsync(year.Id, "gone.txt", "text/plain", Text("gone"));
        await folders.TrashFileAsync(trashed.Id);
        var other = await folders.CreateFolderAsync(null, "Other");
        var bankA = (await folders.ListAsync(q1.Id)).Files.Single();
        var bankB = await folders.AddFileAsync(other.Id, "BANK.csv", "text/csv", Text("c;d"));

        var entries = await unit.ServiceProvider.GetRequiredService<FileBrowser>().ZipEntriesAsync([bankA.Id, bankB.Id], [year.Id]);

        entries.Select(e => e.Name).Skip(2).ShouldBe(["2026/summary.txt", "2026/Q1/bank.csv"]);
        entries.Take(2).Select(e => FileNames.Key(e.Name)).Order(StringComparer.Ordinal).ShouldBe(["bank (2).csv", "bank.csv"]);
        await Should.ThrowAsync<NotFoundException>(() => unit.ServiceProvider.GetRequiredService<FileBrowser>().ZipEntriesAsync([trashed.Id], []));
    }

    [Fact]
    public async Task ZipStreamer_LargeGeneratedFile_StreamsWithBoundedLagAndReadsBack()
    {
        // 256 MiB generated on the fly: if the writer buffered a file or the archive, the bytes it had read
        // would run ahead of the bytes it had written by far more than its copy buffer.
        const long size = 256L * 1024 * 1024;
        var source = new GeneratedStream(size);
        var sink = new LagSink(() => source.Position);
        var file = new FolderFileInfo(Guid.NewGuid(), null, "big.bin", "application/pdf", new string('0', 64), size, DateTimeOffset.UnixEpoch);
        var small = file with { Id = Guid.NewGuid(), FileName = "small.txt", ContentType = "text/plain", Length = 5 };

        await ZipStreamer.WriteAsync(sink, [new ZipPlan.Entry("big.bin", file), new ZipPlan.Entry("dir/small.txt", small)],
            (entry, _) => Task.FromResult<Stream>(entry.File.Length == size ? source : new MemoryStream("small"u8.ToArray())));

        source.Position.ShouldBe(size);
        sink.Written.ShouldBeGreaterThan(size);
        sink.MaxLag.ShouldBeLessThan(1024 * 1024, "bytes read from the file but not yet written to the response");
        sink.FirstWriteAfterRead.ShouldBeLessThan(1024 * 1024, "the zip starts before the file is read through");
    }

    [Fact]
    public async Task ZipStreamer_Entries_ReadBackByZipArchive()
    {
        using var output = new MemoryStream();
        var a = new FolderFileInfo(Guid.NewGuid(), null, "a.txt", "text/plain", new string('0', 64), 5, DateTimeOffset.UnixEpoch);
        await ZipStreamer.WriteAsync(output, [new ZipPlan.Entry("a.txt", a), new ZipPlan.Entry("sub/a.pdf", a with { ContentType = "application/pdf" })],
            (entry, _) => Task.FromResult<Stream>(new MemoryStream(Encoding.UTF8.GetBytes("bytes of " + entry.Name))));
        output.Position = 0;

        using var zip = new System.IO.Compression.ZipArchive(output);
        zip.Entries.Select(e => e.FullName).ShouldBe(["a.txt", "sub/a.pdf"]);
        using var reader = new StreamReader(zip.GetEntry("sub/a.pdf")!.Open());
        (await reader.ReadToEndAsync()).ShouldBe("bytes of sub/a.pdf");
    }

    /// <summary>A read-only stream of <c>length</c> pseudo-random bytes made as they are read.</summary>
    private sealed class GeneratedStream(long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            for (var i = 0; i < n; i++)
            {
                buffer[offset + i] = (byte)((_position + i) * 2654435761 >> 13);
            }

            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A non-seekable output that records how far the source had been read ahead of what reached it.</summary>
    private sealed class LagSink(Func<long> read) : Stream
    {
        public long Written { get; private set; }

        public long MaxLag { get; private set; }

        public long FirstWriteAfterRead { get; private set; } = -1;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Record(count);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Record(count);
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Record(buffer.Length);
            return ValueTask.CompletedTask;
        }

        private void Record(int count)
        {
            if (FirstWriteAfterRead < 0 && count > 0)
            {
                FirstWriteAfterRead = read();
            }

            Written += count;
            MaxLag = Math.Max(MaxLag, read() - Written);
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
