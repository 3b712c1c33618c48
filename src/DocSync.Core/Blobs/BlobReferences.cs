using System.Linq.Expressions;
using DocSync.Core.Documents;
using DocSync.Core.Organizing;
using DocSync.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DocSync.Core.Blobs;

/// <summary>
/// The one list of columns that hold a blob's address. A blob no row names here is garbage to
/// <see cref="BlobSweeper"/>; a column left off this list would let the sweep remove files still in
/// use, so a model test fails when an entity gains a column that looks like a content hash and is
/// neither listed here nor in <see cref="NotBlobs"/>.
/// </summary>
public static class BlobReferences
{
    /// <summary>A column holding blob addresses and how to ask which of some addresses it holds.</summary>
    /// <param name="Entity">The entity type.</param>
    /// <param name="Property">The property holding the address.</param>
    /// <param name="Find">Which of the given addresses the column holds, in every company.</param>
    public sealed record Column(Type Entity, string Property, Func<DocSyncDbContext, IReadOnlyCollection<string>, IQueryable<string>> Find);

    /// <summary>Every column referencing blobs: document files (the host's and rendered PDFs, UBL, attachments), inbox items (uploads, API drops, collected files), folder files.</summary>
    public static IReadOnlyList<Column> All { get; } =
    [
        Of<DocumentFile>(f => f.Sha256),
        Of<InboxItem>(i => i.Sha256),
        Of<FolderFile>(f => f.Sha256),
    ];

    /// <summary>Hash-like columns that are not blob addresses, each with the reason.</summary>
    public static IReadOnlyDictionary<string, string> NotBlobs { get; } = new Dictionary<string, string>
    {
        ["Invitation.TokenHash"] = "SHA-256 of an invitation link's secret token, not of any stored bytes",
        ["ExportedFile.SourceSha256"] = "what Export last wrote to Dropbox; the bytes come from a document file (listed) or are generated",
        ["ExportedFile.ContentHash"] = "Dropbox's content hash of the file in Dropbox",
        ["CollectedFile.ContentHash"] = "Dropbox's content hash of a collected file; its bytes are the inbox item's blob (listed)",
        ["IdempotencyRecord.RequestHash"] = "a hash of an API request, not of stored bytes",
        ["Person.PasswordHash"] = "a person's password hash (ASP.NET Core Identity)",
    };

    /// <summary>Which of <paramref name="addresses"/> some row references, across every company (a system task).</summary>
    /// <param name="db">The database.</param>
    /// <param name="addresses">Blob addresses.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public static async Task<HashSet<string>> ReferencedAsync(DocSyncDbContext db, IReadOnlyCollection<string> addresses, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var column in All)
        {
            foreach (var address in await column.Find(db, addresses).Distinct().ToListAsync(cancellationToken).ConfigureAwait(false))
            {
                // Fixed-length columns may come back padded on some providers.
                referenced.Add(address.TrimEnd());
            }
        }

        return referenced;
    }

    private static Column Of<T>(Expression<Func<T, string>> address)
        where T : class
    {
        var property = ((MemberExpression)address.Body).Member.Name;
        var parameter = address.Parameters[0];
        return new Column(typeof(T), property, (db, addresses) =>
        {
            // addresses.Contains(row.<property>), built once per column from the expression above.
            var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)], Expression.Constant(addresses), address.Body);
            return db.Set<T>().IgnoreQueryFilters().AsNoTracking().Where(Expression.Lambda<Func<T, bool>>(contains, parameter)).Select(address);
        });
    }
}
