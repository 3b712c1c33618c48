using System.Text.RegularExpressions;
using DocSync.Core.Blobs;
using DocSync.Core.Documents;
using DocSync.Core.Export;
using DocSync.Core.Export.Paths;
using DocSync.Core.Export.Ubl;
using DocSync.Core.Persistence;
using DocSync.Dropbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DocSync.Web.Tests.Export.Crash;

/// <summary>
/// What DocSync may have put in Dropbox, worked out from the database alone: for every version of
/// every exported document, the PDF and UBL paths its layout gives and the content hashes of the
/// whole bytes it would send. A file at any other path, with any other content (a partial upload, an
/// empty file, another document's file) or with an autorename mark cannot be missed.
/// </summary>
public sealed partial class ExportOracle(CrashWorld world)
{
    private readonly Dictionary<Guid, (Guid DocumentId, List<(string Slot, string Key, string Hash)> Targets)> _byVersion = [];
    private readonly Dictionary<string, string> _blobHashes = new(StringComparer.Ordinal);

    /// <summary>
    /// Problems with the files in Dropbox right now (at a kill), each one a sentence. Besides the files'
    /// paths and contents: every file DocSync recorded is still there (by id: a recorded file may since
    /// have moved or changed in a round the kill cut short, but nothing deletes it).
    /// </summary>
    public async Task<List<string>> CheckAtKillAsync(IReadOnlyList<ServerFile> files)
    {
        var allowed = await AllowedAsync();
        var problems = new List<string>();
        await using (var unit = world.Scope())
        {
            var ids = files.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
            var rows = await unit.ServiceProvider.GetRequiredService<DocSyncDbContext>().ExportedFiles.AsNoTracking().ToListAsync();
            // A row without an id is an intent (written before a new file's upload): it may or may not have landed.
            problems.AddRange(rows.Where(r => r.DropboxId.Length > 0 && !ids.Contains(r.DropboxId)).Select(r => $"{r.Path} ({r.DropboxId}) is recorded as exported but is not in Dropbox"));
        }
        foreach (var file in files)
        {
            if (file.Size == 0)
            {
                problems.Add($"{file.Path} is empty");
            }
            if (Autorenamed().IsMatch(file.Path))
            {
                problems.Add($"{file.Path} carries an autorename mark");
            }
            if (!allowed.TryGetValue(DropboxNames.Key(file.Path), out var hashes))
            {
                problems.Add($"{file.Path} is not a path the layout gives to any version of any document");
            }
            else if (!hashes.Contains(file.ContentHash))
            {
                problems.Add($"{file.Path} ({file.Size} bytes, rev {file.Rev}) holds content DocSync never meant for it (hash {file.ContentHash})");
            }
        }
        return problems;
    }

    /// <summary>
    /// Problems with the final state: every current invoice and credit note exactly once as PDF and
    /// UBL at the path its ExportedFile rows record, with the current content, and nothing else.
    /// </summary>
    public async Task<List<string>> CheckFinalAsync(IReadOnlyList<ServerFile> files)
    {
        await using var unit = world.Scope();
        var services = unit.ServiceProvider;
        var db = services.GetRequiredService<DocSyncDbContext>();
        var (template, profile, root, company) = await LayoutAsync(db);
        var documents = await db.Documents.AsNoTracking()
            .Where(d => d.DeletedAt == null && (d.Type == DocumentType.Invoice || d.Type == DocumentType.CreditNote)).ToListAsync();
        var current = await (
            from d in db.Documents.AsNoTracking()
            join v in db.DocumentVersions.AsNoTracking() on new { d.Id, Number = d.CurrentVersion } equals new { Id = v.DocumentId, v.Number }
            select v).ToDictionaryAsync(v => v.DocumentId);
        var pdfs = (await db.DocumentFiles.AsNoTracking().Where(f => f.Kind == DocumentFileKind.Pdf).ToListAsync()).ToLookup(f => f.DocumentId);
        var rows = await db.ExportedFiles.AsNoTracking().ToListAsync();
        var server = files.GroupBy(f => DropboxNames.Key(f.Path)).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var problems = new List<string>();

        if (rows.Count != 2 * documents.Count)
        {
            problems.Add($"{rows.Count} ExportedFile rows for {documents.Count} documents (expected {2 * documents.Count})");
        }
        if (files.Count != 2 * documents.Count)
        {
            problems.Add($"{files.Count} files in Dropbox for {documents.Count} documents (expected {2 * documents.Count})");
        }
        foreach (var document in documents)
        {
            var version = current[document.Id];
            var basePath = ExportLayout.BasePath(template, root, profile.Folder, profile.Language, company, document);
            var pdf = pdfs[document.Id].Where(f => f.IsIn(document.CurrentVersion)).OrderBy(f => f.CreatedAt).ThenBy(f => f.Id).First();
            var expected = new Dictionary<string, (string Path, string Hash, string Sha)>
            {
                ["pdf"] = (ExportLayout.Pdf(basePath), await BlobHashAsync(services, pdf.Sha256), pdf.Sha256),
                ["ubl"] = (ExportLayout.Ubl(basePath), DropboxContentHasher.HashHex(UblWriter.Write(version.Content)), ""),
            };
            var mine = rows.Where(r => r.DocumentId == document.Id).ToList();
            foreach (var (slot, want) in expected)
            {
                var row = mine.Where(r => r.Slot == slot).ToList();
                if (row.Count != 1)
                {
                    problems.Add($"{document.Number}: {row.Count} ExportedFile rows for its {slot}");
                    continue;
                }
                var recorded = row[0];
                if (DropboxNames.Key(recorded.Path) != DropboxNames.Key(want.Path))
                {
                    problems.Add($"{document.Number}: its {slot} is recorded at {recorded.Path}, its layout says {want.Path}");
                }
                if (!server.TryGetValue(DropboxNames.Key(recorded.Path), out var there))
                {
                    problems.Add($"{document.Number}: its {slot} is not in Dropbox at {recorded.Path}");
                    continue;
                }
                if (there.ContentHash != recorded.ContentHash || there.Rev != recorded.Rev || there.Id != recorded.DropboxId)
                {
                    problems.Add($"{document.Number}: {there.Path} is {there.Id} rev {there.Rev} hash {there.ContentHash}; recorded {recorded.DropboxId} rev {recorded.Rev} hash {recorded.ContentHash}");
                }
                if (there.ContentHash != want.Hash)
                {
                    problems.Add($"{document.Number}: {there.Path} does not hold the current version's {slot} (hash {there.ContentHash}, expected {want.Hash})");
                }
                if (slot == "pdf" && recorded.SourceSha256 != want.Sha)
                {
                    problems.Add($"{document.Number}: its PDF row records blob {recorded.SourceSha256}, the current PDF is {want.Sha}");
                }
            }
        }

        var recordedKeys = rows.Select(r => DropboxNames.Key(r.Path)).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(files.Where(f => !recordedKeys.Contains(DropboxNames.Key(f.Path))).Select(f => $"{f.Path} is in Dropbox but no ExportedFile row records it"));
        return problems;
    }

    /// <summary>
    /// Path key → the content hashes DocSync could have written there: any version's PDF (or UBL) of a
    /// document at any path the layout gave that document's PDF (or UBL). A renumbered document's file
    /// is moved first and updated after, so its older content is briefly at the new path, whole.
    /// </summary>
    private async Task<Dictionary<string, HashSet<string>>> AllowedAsync()
    {
        await using var unit = world.Scope();
        var services = unit.ServiceProvider;
        var db = services.GetRequiredService<DocSyncDbContext>();
        var (template, profile, root, company) = await LayoutAsync(db);
        var versions = await db.DocumentVersions.AsNoTracking().ToListAsync();
        var pdfs = (await db.DocumentFiles.AsNoTracking().Where(f => f.Kind == DocumentFileKind.Pdf).ToListAsync()).ToLookup(f => f.DocumentId);
        foreach (var version in versions.Where(v => !_byVersion.ContainsKey(v.Id)))
        {
            var targets = new List<(string Slot, string Key, string Hash)>();
            if (profile.Exports(version.Content.Type))
            {
                // The summary the executor reads when this version is the current one.
                var summary = new Document { Id = version.DocumentId, CompanyId = version.CompanyId, Number = "", Currency = "", SellerName = "", Status = version.Status };
                summary.Summarize(version.Content);
                var basePath = ExportLayout.BasePath(template, root, profile.Folder, profile.Language, company, summary);
                foreach (var pdf in pdfs[version.DocumentId].Where(f => f.IsIn(version.Number)))
                {
                    targets.Add(("pdf", DropboxNames.Key(ExportLayout.Pdf(basePath)), await BlobHashAsync(services, pdf.Sha256)));
                }
                if (profile.IncludeUbl && UblWriter.Supports(version.Content.Type))
                {
                    targets.Add(("ubl", DropboxNames.Key(ExportLayout.Ubl(basePath)), DropboxContentHasher.HashHex(UblWriter.Write(version.Content))));
                }
            }
            _byVersion[version.Id] = (version.DocumentId, targets);
        }

        var allowed = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var document in _byVersion.Values.GroupBy(v => v.DocumentId))
        {
            foreach (var slot in document.SelectMany(v => v.Targets).GroupBy(t => t.Slot))
            {
                var hashes = slot.Select(t => t.Hash).ToList();
                foreach (var key in slot.Select(t => t.Key).Distinct())
                {
                    if (!allowed.TryGetValue(key, out var set))
                    {
                        allowed[key] = set = new HashSet<string>(StringComparer.Ordinal);
                    }
                    set.UnionWith(hashes);
                }
            }
        }
        return allowed;
    }

    private static async Task<(ExportPathTemplate Template, ExportProfile Profile, string Root, string Company)> LayoutAsync(DocSyncDbContext db)
    {
        var profile = await db.ExportProfiles.AsNoTracking().SingleAsync();
        var connection = await db.DropboxConnections.AsNoTracking().SingleAsync(c => c.Id == profile.ConnectionId);
        var company = await db.Companies.AsNoTracking().Where(c => c.Id == profile.CompanyId).Select(c => c.Name).SingleAsync();
        ExportPathTemplate.TryParse(profile.PathTemplate, out var template, out var error).ShouldBeTrue(error);
        return (template!, profile, connection.RootFolder, company);
    }

    private async Task<string> BlobHashAsync(IServiceProvider services, string sha256)
    {
        if (!_blobHashes.TryGetValue(sha256, out var hash))
        {
            await using var blob = services.GetRequiredService<BlobStore>().OpenRead(sha256);
            _blobHashes[sha256] = hash = await DropboxContentHasher.HashHexAsync(blob);
        }
        return hash;
    }

    /// <summary>"name (1).pdf", "name (conflicted copy).pdf" and the like.</summary>
    [GeneratedRegex(@"\((\d+|[^)]*conflicted copy[^)]*)\)\.[a-z]+$", RegexOptions.IgnoreCase)]
    private static partial Regex Autorenamed();
}
