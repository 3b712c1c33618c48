using System.Diagnostics;
using DocSync.Core.Documents;
using DocSync.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DocSync.Export.Bench;

/// <summary>
/// Creates documents the way a person or an API client does: <see cref="DocumentService.CreateAsync"/>
/// as the company's owner, one unit of work each, DocSync rendering every PDF.
/// </summary>
internal static class DocumentSeeder
{
    /// <summary>Creates <paramref name="count"/> documents, a few at a time; returns their ids and the PDFs' total size.</summary>
    public static async Task<(List<Guid> Ids, long PdfBytes, TimeSpan Elapsed)> CreateAsync(BenchHost host, int count, string series)
    {
        var ids = new Guid[count];
        long pdfBytes = 0;
        var done = 0;
        var watch = Stopwatch.StartNew();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount * 2 };
        await Parallel.ForEachAsync(Enumerable.Range(0, count), parallel, async (i, token) =>
        {
            await using var unit = host.Scope(host.Owner);
            var created = await unit.ServiceProvider.GetRequiredService<DocumentService>().CreateAsync(new CreateDocumentRequest
            {
                Content = InvoiceFactory.Create(i, series),
                Status = DocumentStatus.Final,
            }, token);
            ids[i] = created.Document.Id;
            Interlocked.Add(ref pdfBytes, created.Document.Files.Where(f => f.Kind == DocumentFileKind.Pdf).Sum(f => f.Length));
            if (Interlocked.Increment(ref done) % 2000 == 0)
            {
                Console.WriteLine($"  … {done} documents created ({watch.Elapsed.TotalSeconds:F0} s)");
            }
        });
        return ([.. ids], pdfBytes, watch.Elapsed);
    }

    /// <summary>Waits until the worker has turned every outbox message into tasks (or into nothing).</summary>
    public static async Task DrainOutboxAsync(BenchHost host)
    {
        while (await host.QueryAsync(db => db.OutboxMessages.IgnoreQueryFilters().AnyAsync(m => m.ProcessedAt == null)))
        {
            await Task.Delay(100);
        }
    }

    /// <summary>Rows of the tables the engine reads, for the record.</summary>
    public static Task<string> TableSizesAsync(BenchHost host) => host.QueryAsync(async db =>
        $"documents {await db.Documents.CountAsync()}, document versions {await db.DocumentVersions.CountAsync()}, " +
        $"exported files {await db.ExportedFiles.CountAsync()}, sync tasks {await db.SyncTasks.CountAsync()}, " +
        $"sync log {await db.SyncLog.CountAsync()}, outbox {await db.OutboxMessages.CountAsync()}, audit {await db.AuditEntries.CountAsync()}");
}
