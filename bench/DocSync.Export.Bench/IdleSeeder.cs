using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using DocSync.Core.Access;
using DocSync.Core.Blobs;
using DocSync.Core.Documents;
using DocSync.Core.Export;
using DocSync.Core.Export.Paths;
using DocSync.Core.Persistence;
using DocSync.Core.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DocSync.Export.Bench;

/// <summary>
/// Makes documents that are already exported, fast, for the idle phase: rows written straight
/// through the DbContext in the company's system scope, a thousand documents per transaction
/// (document, version 1, one PDF file sharing a single rendered blob, and the profile's two
/// exported files with the path the layout gives and made-up Dropbox ids, revs and hashes). Saving
/// writes their audit entries and outbox messages as any change does; the same transaction marks
/// those messages processed, so the worker never sees them: the documents look exported long ago.
/// The emulator does not hold these files; an idle cycle never asks it.
/// </summary>
internal static class IdleSeeder
{
    private const int PerTransaction = 1000;

    public static async Task<TimeSpan> SeedAsync(BenchHost host, Guid profileId, int count)
    {
        var watch = Stopwatch.StartNew();
        ExportPathTemplate.TryParse(ExportPathPresets.ByYearThenType, out var template, out _);
        var (pdfSha, pdfLength) = await RenderOneAsync(host);
        for (var start = 0; start < count; start += PerTransaction)
        {
            await using var unit = host.Scope(CompanyScope.System(host.CompanyId));
            var db = unit.ServiceProvider.GetRequiredService<DocSyncDbContext>();
            var companyName = await db.Companies.Where(c => c.Id == host.CompanyId).Select(c => c.Name).SingleAsync();
            var strategy = db.Database.CreateExecutionStrategy();
            var batch = Enumerable.Range(start, Math.Min(PerTransaction, count - start)).ToList();
            await strategy.ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                var now = DateTimeOffset.UtcNow;
                foreach (var i in batch)
                {
                    Add(db, template!, companyName, host.CompanyId, profileId, InvoiceFactory.Create(i, "I"), pdfSha, pdfLength, now);
                }
                await db.SaveChangesAsync();
                await db.OutboxMessages.Where(m => m.ProcessedAt == null).ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, now));
                await transaction.CommitAsync();
            });
            if ((start / PerTransaction) % 10 == 9)
            {
                Console.WriteLine($"  … {start + batch.Count} exported documents inserted ({watch.Elapsed.TotalSeconds:F0} s)");
            }
        }
        return watch.Elapsed;
    }

    private static void Add(DocSyncDbContext db, ExportPathTemplate template, string companyName, Guid companyId, Guid profileId, DocumentContent content,
        string pdfSha, long pdfLength, DateTimeOffset now)
    {
        var document = new Document
        {
            Id = Guid.CreateVersion7(now),
            CompanyId = companyId,
            Number = content.Number,
            Currency = content.Currency,
            SellerName = content.Seller.Name,
            CurrentVersion = 1,
            Status = DocumentStatus.Final,
            CreatedAt = now,
            UpdatedAt = now,
        };
        document.Summarize(content);
        db.Documents.Add(document);
        db.DocumentVersions.Add(new DocumentVersion
        {
            Id = Guid.CreateVersion7(now),
            CompanyId = companyId,
            DocumentId = document.Id,
            Number = 1,
            Status = DocumentStatus.Final,
            Content = content,
            CreatedAt = now,
            CreatedBy = "system",
        });
        db.DocumentFiles.Add(new DocumentFile
        {
            Id = Guid.CreateVersion7(now),
            CompanyId = companyId,
            DocumentId = document.Id,
            Kind = DocumentFileKind.Pdf,
            FileName = DocumentPdfRenderer.FileName(content.Number),
            ContentType = DocumentPdfRenderer.ContentType,
            Sha256 = pdfSha,
            Length = pdfLength,
            Generated = true,
            AddedInVersion = 1,
            CreatedAt = now,
        });
        var basePath = ExportLayout.BasePath(template, "/DocSync", "", "en", companyName, document);
        foreach (var (slot, path, sha) in new[] { ("pdf", ExportLayout.Pdf(basePath), pdfSha), ("ubl", ExportLayout.Ubl(basePath), Hash(content.Number)) })
        {
            db.ExportedFiles.Add(new ExportedFile
            {
                Id = Guid.CreateVersion7(now),
                CompanyId = companyId,
                ProfileId = profileId,
                DocumentId = document.Id,
                Slot = slot,
                Path = path,
                PathKey = DropboxNames.Key(path),
                DropboxId = "id:idle" + Hash(path)[..20],
                Rev = Hash(slot + path)[..16],
                ContentHash = Hash("content " + path),
                SourceSha256 = sha,
                DocumentVersion = 1,
                Length = pdfLength,
                ExportedAt = now,
            });
        }
    }

    private static async Task<(string Sha, long Length)> RenderOneAsync(BenchHost host)
    {
        var pdf = host.Services.GetRequiredService<DocumentPdfRenderer>().Render(InvoiceFactory.Create(0, "I"));
        using var stream = new MemoryStream(pdf, writable: false);
        var blob = await host.Services.GetRequiredService<BlobStore>().WriteAsync(stream);
        return (blob.Sha256, blob.Length);
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
