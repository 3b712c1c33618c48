using DocSync.Core.Companies;
using DocSync.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DocSync.Core.Access;

/// <summary>
/// Resolves which companies a person may act in, and with which rights. These lookups precede
/// entering a company, so they are (with API key authentication) the only reads across companies.
/// </summary>
public sealed class CompanyAccess(DocSyncDbContext db)
{
    /// <summary>The scope of <paramref name="personId"/> in <paramref name="companyId"/>, or <see langword="null"/> if not a member.</summary>
    /// <param name="personId">The person.</param>
    /// <param name="companyId">The company.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<CompanyScope?> ForPersonAsync(Guid personId, Guid companyId, CancellationToken cancellationToken = default)
    {
        var membership = await db.Memberships.IgnoreQueryFilters().AsNoTracking()
            .SingleOrDefaultAsync(m => m.PersonId == personId && m.CompanyId == companyId, cancellationToken).ConfigureAwait(false);
        return membership is null ? null : new CompanyScope(companyId, Actor.Person(personId), RoleRights.For(membership.Role));
    }

    /// <summary>Every company <paramref name="personId"/> belongs to, by name.</summary>
    /// <param name="personId">The person.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<IReadOnlyList<CompanyMembership>> CompaniesOfAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        var rows = await db.Memberships.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.PersonId == personId)
            .Join(db.Companies, m => m.CompanyId, c => c.Id, (m, c) => new CompanyMembership(c.Id, c.Name, m.Role))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.OrderBy(r => r.CompanyName, StringComparer.CurrentCultureIgnoreCase).ToList();
    }
}
