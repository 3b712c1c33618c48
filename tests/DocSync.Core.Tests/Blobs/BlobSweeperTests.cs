using System.Security.Cryptography;
using System.Text;
using DocSync.Core.Blobs;
using DocSync.Core.Documents;
using DocSync.Core.Errors;
using DocSync.Core.Organizing;
using DocSync.Core.Persistence;
using DocSync.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DocSync.Core.Tests.Blobs;

/// <summary>The sweep removes what no row references once past the grace period, and never a referenced blob.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class BlobSweeperTests(DatabaseFixture fixture)
{
    private static readonly DateTime LongAgo = DateTime.UtcNow.AddDays(-3);

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Sweep_RefusedUploadAndOrphansPastGrace_RemovedWhileReferencedAndRecentStay(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        var company = await host.NewCompanyAsync();
        var store = host.Get<BlobStore>();
        await using var unit = host.Scope(company);
        var documents = unit.ServiceProvider.GetRequiredService<DocumentService>();
        var inbox = unit.ServiceProvider.GetRequiredService<InboxService>();
        var folders = unit.ServiceProvider.GetRequiredService<FolderService>();

        var document = (await documents.CreateAsync(new CreateDocumentRequest
        {
            Content = SampleDocuments.Invoice("F-1"),
            Files = [new DocumentFileUpload(DocumentFileKind.Attachment, "terms.txt", "text/plain", Text("terms of sale"))],
        })).Document;
        var item = (await inbox.ReceiveAsync(InboxSource.Upload, null, "scan.bin", "application/octet-stream", Text("an inbox file"))).Item;
        var folder = await folders.CreateFolderAsync(null, "Contracts");
        var folderFile = await folders.AddFileAsync(folder.Id, "lease.txt", "text/plain", Text("a folder file"));
        // A refused upload (422): its bytes were stored before the check refused them.
        await Should.ThrowAsync<ValidationFailedException>(() => documents.CreateAsync(new CreateDocumentRequest
        {
            Content = SampleDocuments.Invoice("F-2"),
            Files = [new DocumentFileUpload(DocumentFileKind.Pdf, "invoice.pdf", "application/pdf", Text("refused: not a PDF"))],
        }));
        var refused = Sha("refused: not a PDF");
        var orphan = (await store.WriteAsync(Text("nobody's bytes, long ago"))).Sha256;
        var recent = (await store.WriteAsync(Text("nobody's bytes yet, just written"))).Sha256;
        var referenced = await ReferencedAsync(host);
        referenced.Count.ShouldBe(4); // the rendered PDF, the attachment, the inbox file, the folder file
        referenced.ShouldContain(item.Sha256);
        referenced.ShouldContain(folderFile.Sha256);
        foreach (var sha in referenced.Append(refused).Append(orphan))
        {
            File.SetLastWriteTimeUtc(store.PathOf(sha), LongAgo);
        }

        var staleTemp = Path.Combine(host.BlobRoot, "tmp", "killed-write.tmp");
        await File.WriteAllTextAsync(staleTemp, "half a file");
        File.SetLastWriteTimeUtc(staleTemp, LongAgo);
        var liveTemp = Path.Combine(host.BlobRoot, "tmp", "write-in-progress.tmp");
        await File.WriteAllTextAsync(liveTemp, "a write going on");

        var result = await host.Get<BlobSweeper>().SweepAsync();

        result.ShouldBe(new BlobSweepResult(Examined: 6, Removed: 2, BytesRemoved: "refused: not a PDF".Length + "nobody's bytes, long ago".Length, TemporaryFilesRemoved: 1));
        store.Exists(refused).ShouldBeFalse();
        store.Exists(orphan).ShouldBeFalse();
        store.Exists(recent).ShouldBeTrue();
        referenced.ShouldAllBe(sha => store.Exists(sha));
        File.Exists(staleTemp).ShouldBeFalse();
        File.Exists(liveTemp).ShouldBeTrue();
        var (_, content) = await documents.OpenFileAsync(document.Id, document.Files.Single(f => f.Kind == DocumentFileKind.Attachment).Id);
        await using (content)
        {
            (await new StreamReader(content).ReadToEndAsync()).ShouldBe("terms of sale");
        }

        (await host.Get<BlobSweeper>().SweepAsync()).ShouldBe(new BlobSweepResult(4, 0, 0, 0));
    }

    [Fact]
    public async Task Sweep_SameContentWrittenAgainAfterItWasOrphaned_KeptForTheNewWriter()
    {
        await using var host = await TestHost.StartAsync(fixture, DatabaseProvider.Sqlite);
        var store = host.Get<BlobStore>();
        var sha = (await store.WriteAsync(Text("refused once, sent again"))).Sha256;
        File.SetLastWriteTimeUtc(store.PathOf(sha), LongAgo);

        // The same bytes arrive again: their row is about to be committed, after the sweep's mark.
        (await store.WriteAsync(Text("refused once, sent again"))).Sha256.ShouldBe(sha);
        var result = await host.Get<BlobSweeper>().SweepAsync();

        result.Removed.ShouldBe(0);
        store.Exists(sha).ShouldBeTrue();
    }

    [Fact]
    public async Task TryRemove_RenewedBetweenListingAndRemoval_PutBack()
    {
        await using var host = await TestHost.StartAsync(fixture, DatabaseProvider.Sqlite);
        var store = host.Get<BlobStore>();
        var sha = (await store.WriteAsync(Text("listed old, then written again"))).Sha256;
        File.SetLastWriteTimeUtc(store.PathOf(sha), LongAgo);
        var cutOff = DateTime.UtcNow.AddHours(-1);
        store.List().Single().LastWriteUtc.ShouldBeLessThan(cutOff);

        await store.WriteAsync(Text("listed old, then written again"));
        var removed = store.TryRemove(sha, cutOff);

        removed.ShouldBeNull();
        store.Exists(sha).ShouldBeTrue();
        Directory.EnumerateFiles(Path.Combine(host.BlobRoot, "tmp")).ShouldBeEmpty();
    }

    /// <summary>
    /// Writers keep storing content the sweep sees as old orphans (dedup) and new content, committing a
    /// row for each, while sweeps run back to back: every committed row's blob must still be there.
    /// </summary>
    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Sweep_RacingWritersOfOrphanedAndNewContent_NeverRemovesAReferencedBlob(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        var company = await host.NewCompanyAsync();
        var store = host.Get<BlobStore>();
        var sweeper = host.Get<BlobSweeper>();
        const int Orphans = 300;
        for (var i = 0; i < Orphans; i++)
        {
            var sha = (await store.WriteAsync(Text($"orphan {i}"))).Sha256;
            File.SetLastWriteTimeUtc(store.PathOf(sha), LongAgo);
        }

        using var writersDone = new CancellationTokenSource();
        var sweeps = 0;
        var sweeping = Task.Run(async () =>
        {
            while (!writersDone.IsCancellationRequested)
            {
                await sweeper.SweepAsync();
                sweeps++;
            }
        });
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var i = w; i < Orphans; i += 4)
            {
                await using var unit = host.Scope(company);
                var inbox = unit.ServiceProvider.GetRequiredService<InboxService>();
                await inbox.ReceiveAsync(InboxSource.Api, null, $"again-{i}.bin", "application/octet-stream", Text($"orphan {i}"));
                await inbox.ReceiveAsync(InboxSource.Api, null, $"new-{i}.bin", "application/octet-stream", Text($"new {i}"));
            }
        })).ToList();
        await Task.WhenAll(writers).WaitAsync(TimeSpan.FromMinutes(3));
        await writersDone.CancelAsync();
        await sweeping.WaitAsync(TimeSpan.FromMinutes(1));
        await sweeper.SweepAsync();

        sweeps.ShouldBeGreaterThan(1);
        var referenced = await ReferencedAsync(host);
        referenced.Count.ShouldBe(2 * Orphans);
        referenced.Where(sha => !store.Exists(sha)).ShouldBeEmpty();
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Sweep_FileInTheTrash_KeptUntilPurgedThenRemoved(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        var company = await host.NewCompanyAsync();
        var store = host.Get<BlobStore>();
        string sha;
        await using (var unit = host.Scope(company))
        {
            var folders = unit.ServiceProvider.GetRequiredService<FolderService>();
            var folder = await folders.CreateFolderAsync(null, "Old");
            sha = (await folders.AddFileAsync(folder.Id, "old.txt", "text/plain", Text("bytes only the trash holds"))).Sha256;
            await folders.TrashFolderAsync(folder.Id);
        }

        File.SetLastWriteTimeUtc(store.PathOf(sha), LongAgo);
        (await host.Get<BlobSweeper>().SweepAsync()).Removed.ShouldBe(0);
        store.Exists(sha).ShouldBeTrue();

        host.Time.Advance(TimeSpan.FromDays(31));
        (await host.Get<DocSync.Core.Files.TrashSweeper>().SweepAsync()).ShouldBe(1);
        (await host.Get<BlobSweeper>().SweepAsync()).Removed.ShouldBe(1);
        store.Exists(sha).ShouldBeFalse();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public void Model_EveryHashLikeColumn_ListedAsBlobReferenceOrNot(DatabaseProvider provider)
    {
        var options = new DbContextOptionsBuilder<DocSyncDbContext>().UseDocSyncDatabase(provider,
            provider == DatabaseProvider.Sqlite ? "Data Source=:memory:" : "Host=127.0.0.1").Options;
        using var db = new DocSyncDbContext(options, new DocSync.Core.Access.CompanyContext(), TimeProvider.System);
        var listed = BlobReferences.All.Select(c => $"{c.Entity.Name}.{c.Property}").ToHashSet();

        var hashLike = db.Model.GetEntityTypes()
            .SelectMany(t => t.GetProperties().Select(p => (Name: $"{t.ClrType.Name}.{p.Name}", p.ClrType, p.Name)))
            .Where(p => p.ClrType == typeof(string) && (p.Name.Contains("sha", StringComparison.OrdinalIgnoreCase) || p.Name.Contains("hash", StringComparison.OrdinalIgnoreCase) || p.Name.Contains("blob", StringComparison.OrdinalIgnoreCase)))
            .Select(p => p.Name)
            .ToList();

        hashLike.Where(name => !listed.Contains(name) && !BlobReferences.NotBlobs.ContainsKey(name))
            .ShouldBeEmpty("a column that looks like a blob address is neither in BlobReferences.All nor in BlobReferences.NotBlobs");
        listed.Concat(BlobReferences.NotBlobs.Keys).Where(name => !hashLike.Contains(name)).ShouldBeEmpty("listed columns that are not in the model");
    }

    private static MemoryStream Text(string text) => new(Encoding.UTF8.GetBytes(text));

    private static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static async Task<HashSet<string>> ReferencedAsync(TestHost host)
    {
        await using var unit = host.Scope();
        var db = unit.ServiceProvider.GetRequiredService<DocSyncDbContext>();
        var rows = await db.DocumentFiles.IgnoreQueryFilters().Select(f => f.Sha256)
            .Concat(db.InboxItems.IgnoreQueryFilters().Select(i => i.Sha256))
            .Concat(db.FolderFiles.IgnoreQueryFilters().Select(f => f.Sha256)).ToListAsync();
        return rows.Select(r => r.TrimEnd()).ToHashSet();
    }
}
