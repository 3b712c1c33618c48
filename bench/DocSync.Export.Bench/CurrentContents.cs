using DocSync.Core.Documents;
using Microsoft.EntityFrameworkCore;

namespace DocSync.Export.Bench;

/// <summary>The current content of documents: what the engine writes their UBL from.</summary>
internal static class CurrentContents
{
    public static async Task<Dictionary<Guid, DocumentContent>> LoadAsync(BenchHost host, IReadOnlyCollection<Guid> documentIds)
    {
        var contents = new Dictionary<Guid, DocumentContent>();
        foreach (var chunk in documentIds.Chunk(400))
        {
            var rows = await host.QueryAsync(db => (
                from d in db.Documents.AsNoTracking()
                join v in db.DocumentVersions.AsNoTracking() on new { d.Id, Number = d.CurrentVersion } equals new { Id = v.DocumentId, v.Number }
                where chunk.Contains(d.Id)
                select new { d.Id, v.Content }).ToListAsync());
            foreach (var row in rows)
            {
                contents[row.Id] = row.Content;
            }
        }
        return contents;
    }
}
