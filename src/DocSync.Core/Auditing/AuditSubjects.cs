using DocSync.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DocSync.Core.Auditing;

/// <summary>
/// Names the things audit entries are about — "invoice F2025-0042", "connection Accounting" — so the
/// log reads in words, not ids. One query per kind of thing on a page; something deleted since has no name.
/// </summary>
internal static class AuditSubjects
{
    /// <summary>The name of each (entity type, id) of <paramref name="entries"/> that still exists, in the current company.</summary>
    public static async Task<Dictionary<(string Type, string Id), string>> ResolveAsync(DocSyncDbContext db, IEnumerable<AuditEntry> entries,
        CancellationToken cancellationToken)
    {
        var names = new Dictionary<(string, string), string>();
        foreach (var group in entries.GroupBy(e => e.EntityType))
        {
            var ids = group.Select(e => Guid.TryParse(e.EntityId, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToList();
            if (ids.Count == 0)
            {
                continue;
            }
            var found = await NamesAsync(db, group.Key, ids, cancellationToken).ConfigureAwait(false);
            foreach (var (id, name) in found)
            {
                if (!string.IsNullOrWhiteSpace(name))
                {
                    names[(group.Key, id.ToString())] = name;
                }
            }
        }
        return names;
    }

    private static async Task<List<(Guid Id, string Name)>> NamesAsync(DocSyncDbContext db, string type, List<Guid> ids, CancellationToken cancellationToken)
    {
        IQueryable<Named>? query = type switch
        {
            "Document" => db.Documents.AsNoTracking().Where(d => ids.Contains(d.Id)).Select(d => new Named { Id = d.Id, Name = d.Number }),
            "DocumentFile" => db.DocumentFiles.AsNoTracking().Where(f => ids.Contains(f.Id)).Select(f => new Named { Id = f.Id, Name = f.FileName }),
            "Binder" => db.Binders.AsNoTracking().Where(b => ids.Contains(b.Id)).Select(b => new Named { Id = b.Id, Name = b.Name }),
            "InboxItem" => db.InboxItems.AsNoTracking().Where(i => ids.Contains(i.Id)).Select(i => new Named { Id = i.Id, Name = i.FileName }),
            "Folder" => db.Folders.AsNoTracking().Where(f => ids.Contains(f.Id)).Select(f => new Named { Id = f.Id, Name = f.Name }),
            "FolderFile" => db.FolderFiles.AsNoTracking().Where(f => ids.Contains(f.Id)).Select(f => new Named { Id = f.Id, Name = f.FileName }),
            "ApiKey" => db.ApiKeys.AsNoTracking().Where(k => ids.Contains(k.Id)).Select(k => new Named { Id = k.Id, Name = k.Name }),
            "CollectionChannel" => db.CollectionChannels.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new Named { Id = c.Id, Name = c.Name }),
            "ExportProfile" => db.ExportProfiles.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new Named { Id = p.Id, Name = p.Name }),
            "DropboxConnection" => db.DropboxConnections.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new Named { Id = c.Id, Name = c.Name }),
            "Invitation" => db.Invitations.AsNoTracking().Where(i => ids.Contains(i.Id)).Select(i => new Named { Id = i.Id, Name = i.Email }),
            "Company" => db.Companies.AsNoTracking().Where(c => ids.Contains(c.Id) && c.Id == db.CurrentCompanyId).Select(c => new Named { Id = c.Id, Name = c.Name }),
            // People are named only when they belong (or belonged, by an open invitation) to this company.
            "Person" => from p in db.Users.AsNoTracking()
                        where ids.Contains(p.Id) && (db.Memberships.Any(m => m.PersonId == p.Id) || db.Invitations.Any(i => i.PersonId == p.Id))
                        select new Named { Id = p.Id, Name = p.DisplayName },
            "Membership" => from m in db.Memberships.AsNoTracking()
                            join p in db.Users.AsNoTracking() on m.PersonId equals p.Id
                            where ids.Contains(m.Id)
                            select new Named { Id = m.Id, Name = p.DisplayName },
            _ => null,
        };
        if (query is null)
        {
            return [];
        }
        var rows = await query.ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => (r.Id, r.Name))];
    }

    /// <summary>A row's id and name (a class: every provider can project into it).</summary>
    private sealed class Named
    {
        public Guid Id { get; init; }

        public string Name { get; init; } = "";
    }
}
