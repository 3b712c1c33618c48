using DocSync.Core.Access;
using DocSync.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DocSync.Core.Auditing;

/// <summary>Turns actors (person, API key, DocSync) into names people recognise, in one query per kind.</summary>
internal static class ActorNames
{
    /// <summary>The name shown for DocSync itself.</summary>
    public const string System = "DocSync";

    /// <summary>The names of <paramref name="actors"/>; people are looked up only by the ids given (they are not company-scoped).</summary>
    public static async Task<IReadOnlyDictionary<(ActorKind Kind, Guid Id), string>> ResolveAsync(DocSyncDbContext db,
        IEnumerable<(ActorKind Kind, Guid Id)> actors, CancellationToken cancellationToken)
    {
        var wanted = actors.Distinct().ToList();
        var names = new Dictionary<(ActorKind, Guid), string>();
        var people = wanted.Where(a => a.Kind == ActorKind.Person).Select(a => a.Id).ToList();
        if (people.Count > 0)
        {
            foreach (var person in await db.Users.AsNoTracking().Where(p => people.Contains(p.Id))
                         .Select(p => new { p.Id, p.DisplayName }).ToListAsync(cancellationToken).ConfigureAwait(false))
            {
                names[(ActorKind.Person, person.Id)] = person.DisplayName;
            }
        }

        var keys = wanted.Where(a => a.Kind == ActorKind.ApiKey).Select(a => a.Id).ToList();
        if (keys.Count > 0)
        {
            foreach (var key in await db.ApiKeys.AsNoTracking().Where(k => keys.Contains(k.Id))
                         .Select(k => new { k.Id, k.Name }).ToListAsync(cancellationToken).ConfigureAwait(false))
            {
                names[(ActorKind.ApiKey, key.Id)] = key.Name;
            }
        }

        return names;
    }

    /// <summary>The name of one actor from what <see cref="ResolveAsync"/> found.</summary>
    public static string NameOf(IReadOnlyDictionary<(ActorKind Kind, Guid Id), string> names, ActorKind kind, Guid id) => kind switch
    {
        ActorKind.System => System,
        _ when names.TryGetValue((kind, id), out var name) => name,
        ActorKind.ApiKey => "Unknown API key",
        _ => "Unknown person",
    };
}
