using System.Collections.Concurrent;
using System.Security.Cryptography;
using DocSync.Core.Blobs;
using DocSync.Core.Documents;
using DocSync.Core.Export.Planning;
using DocSync.Core.Export.Ubl;
using DocSync.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DocSync.Core.Export.Execution;

/// <summary>
/// The documents of a round as they are now (loaded in a few queries), and the bytes DocSync
/// generates for them (UBL, written on every core before planning); opens any file's bytes for upload.
/// </summary>
internal sealed class RoundSource
{
    private readonly Dictionary<Guid, (SourceDocument Source, DocumentContent Content)> _documents = [];
    private readonly ConcurrentDictionary<string, byte[]> _generated = new(StringComparer.Ordinal);

    private RoundSource()
    {
    }

    /// <summary>Loads <paramref name="documentIds"/> (current version, its files oldest first).</summary>
    public static async Task<RoundSource> LoadAsync(DocSyncDbContext db, IReadOnlyList<Guid> documentIds, CancellationToken cancellationToken)
    {
        var source = new RoundSource();
        foreach (var chunk in documentIds.Chunk(400))
        {
            var rows = await (
                from d in db.Documents.AsNoTracking()
                join v in db.DocumentVersions.AsNoTracking() on new { d.Id, Number = d.CurrentVersion } equals new { Id = v.DocumentId, v.Number }
                where chunk.Contains(d.Id)
                select new { Document = d, v.Content }).ToListAsync(cancellationToken).ConfigureAwait(false);
            var files = await db.DocumentFiles.AsNoTracking()
                .Where(f => chunk.Contains(f.DocumentId) && f.RemovedInVersion == null)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var byDocument = files.ToLookup(f => f.DocumentId);
            foreach (var row in rows)
            {
                var current = byDocument[row.Document.Id].Where(f => f.IsIn(row.Document.CurrentVersion)).OrderBy(f => f.CreatedAt).ThenBy(f => f.Id).ToList();
                source._documents[row.Document.Id] = (new SourceDocument(row.Document, current), row.Content);
            }
        }
        return source;
    }

    /// <summary>The document now, or null when it no longer exists.</summary>
    public SourceDocument? Find(Guid documentId) => _documents.TryGetValue(documentId, out var found) ? found.Source : null;

    /// <summary>
    /// Writes the UBL of every document that needs one under any of <paramref name="profiles"/>, in
    /// parallel on all cores (each document once, whatever the number of profiles).
    /// </summary>
    public void PrepareUbl(IReadOnlyCollection<ExportProfile> profiles)
    {
        var needing = _documents.Where(d => profiles.Any(p => DesiredTreeBuilder.GeneratesUbl(p, d.Value.Source))).ToList();
        if (needing.Count == 0)
        {
            return;
        }
        var prepared = new GeneratedUbl[needing.Count];
        Parallel.For(0, needing.Count, i =>
        {
            try
            {
                var bytes = UblWriter.Write(needing[i].Value.Content);
                var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
                _generated.TryAdd(sha, bytes);
                prepared[i] = GeneratedUbl.Written(sha);
            }
            catch (UblException e)
            {
                prepared[i] = GeneratedUbl.Failed(e.Message);
            }
        });
        for (var i = 0; i < needing.Count; i++)
        {
            var (id, (document, content)) = needing[i];
            _documents[id] = (document with { Ubl = prepared[i] }, content);
        }
    }

    /// <summary>Opens the bytes whose SHA-256 is <paramref name="sha256"/>: generated here, else from the blob store.</summary>
    public Stream Open(string sha256, BlobStore blobs) =>
        _generated.TryGetValue(sha256, out var bytes) ? new MemoryStream(bytes, writable: false) : blobs.OpenRead(sha256);
}
