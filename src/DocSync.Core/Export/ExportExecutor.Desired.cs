using DocSync.Core.Connections;
using DocSync.Core.Documents;
using DocSync.Core.Export.Paths;
using DocSync.Core.Export.Ubl;
using Microsoft.EntityFrameworkCore;

namespace DocSync.Core.Export;

public sealed partial class ExportExecutor
{
    /// <summary>The documents of a round as they are now, and the bytes DocSync generates for them.</summary>
    private sealed class Source
    {
        public Dictionary<Guid, (Document Document, DocumentContent Content, List<DocumentFile> Files)> Documents { get; } = [];

        /// <summary>Generated files (UBL) by SHA-256.</summary>
        public Dictionary<string, byte[]> Generated { get; } = new(StringComparer.Ordinal);

        public Dictionary<Guid, ExportPathTemplate?> Templates { get; } = [];
    }

    private async Task<Source> LoadSourceAsync(List<Guid> documentIds, CancellationToken cancellationToken)
    {
        var source = new Source();
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
                source.Documents[row.Document.Id] = (row.Document, row.Content,
                    byDocument[row.Document.Id].Where(f => f.IsIn(row.Document.CurrentVersion)).OrderBy(f => f.CreatedAt).ThenBy(f => f.Id).ToList());
            }
        }
        return source;
    }

    /// <summary>One document's desired files (per the profile) and synced files (per the exported rows).</summary>
    private DocumentTrees Trees(SyncTask task, ExportProfile profile, DropboxConnection connection, string companyName, Source source,
        List<ExportedFile> exported)
    {
        var synced = exported.Where(f => f.ProfileId == profile.Id && f.DocumentId == task.DocumentId)
            .Select(f => new SyncedFile(f.Slot, f.Path, f.PathKey, f.DropboxId, f.Rev, f.SourceSha256))
            .ToList();
        if (!source.Documents.TryGetValue(task.DocumentId, out var found) || found.Document.DeletedAt is not null || !profile.Exports(found.Document.Type))
        {
            return new DocumentTrees(task.DocumentId, [], synced);
        }

        if (!source.Templates.TryGetValue(profile.Id, out var template))
        {
            template = ExportPathTemplate.TryParse(profile.PathTemplate, out var parsed, out _) ? parsed : null;
            source.Templates[profile.Id] = template;
        }
        if (template is null)
        {
            return new DocumentTrees(task.DocumentId, [], synced, new PlanProblem(PlanProblem.PathInvalid, "The profile's folder layout is not valid; correct it."));
        }

        var (document, content, files) = found;
        var basePath = ExportLayout.BasePath(template, connection.RootFolder, profile.Folder, profile.Language, companyName, document);
        var desired = new List<DesiredFile>();
        if (files.FirstOrDefault(f => f.Kind == DocumentFileKind.Pdf) is { } pdf)
        {
            desired.Add(Desired("pdf", ExportLayout.Pdf(basePath), pdf.Sha256));
        }

        if (files.FirstOrDefault(f => f.Kind == DocumentFileKind.Ubl) is { } sentUbl)
        {
            desired.Add(Desired("ubl", ExportLayout.Ubl(basePath), sentUbl.Sha256));
        }
        else if (profile.IncludeUbl && UblWriter.Supports(document.Type))
        {
            try
            {
                var bytes = UblWriter.Write(content);
                var sha = Sha256Hex(bytes);
                source.Generated[sha] = bytes;
                desired.Add(Desired("ubl", ExportLayout.Ubl(basePath), sha));
            }
            catch (UblException e)
            {
                Log(task, SyncAction.LeftOut, SyncOutcome.Warning, ExportLayout.Ubl(basePath), null, "No UBL: " + e.Message);
            }
        }

        if (profile.IncludeAttachments)
        {
            foreach (var attachment in files.Where(f => f.Kind == DocumentFileKind.Attachment))
            {
                desired.Add(Desired("att:" + attachment.Id.ToString("N"), ExportLayout.Attachment(basePath, attachment.FileName), attachment.Sha256));
            }
        }

        foreach (var file in desired)
        {
            if (DropboxNames.Problem(file.Path) is { } problem)
            {
                return new DocumentTrees(task.DocumentId, desired, synced, new PlanProblem(PlanProblem.PathInvalid, $"{file.Path}: {problem}"));
            }
        }
        return new DocumentTrees(task.DocumentId, desired, synced);
    }

    private static DesiredFile Desired(string slot, string path, string sha) => new(slot, path, DropboxNames.Key(path), sha);
}
