using DocSync.Core.Access;
using DocSync.Core.Errors;
using DocSync.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DocSync.Core.Companies;

/// <summary>
/// People and their roles in the current company. Only an owner may make or unmake owners, and a
/// company always keeps one owner. People join through an invitation (<see cref="DocSync.Core.Invitations.InvitationService"/>).
/// </summary>
public sealed class MembershipService(DocSyncDbContext db, ICompanyContext company)
{
    /// <summary>The current company's people. Needs <see cref="Right.ViewDocuments"/>.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<IReadOnlyList<MemberInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ViewDocuments);
        var members = await db.Memberships.AsNoTracking()
            .Join(db.Users, m => m.PersonId, p => p.Id, (m, p) => new MemberInfo(p.Id, p.DisplayName, p.Email, m.Role))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return members.OrderBy(m => m.Role).ThenBy(m => m.DisplayName, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    /// <summary>Changes a member's role. Needs <see cref="Right.ManagePeople"/>.</summary>
    /// <param name="personId">The member.</param>
    /// <param name="role">The new role.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task ChangeRoleAsync(Guid personId, CompanyRole role, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ManagePeople);
        DemandRoleChange(role);
        var membership = await FindAsync(personId, cancellationToken).ConfigureAwait(false);
        DemandRoleChange(membership.Role);
        await KeepAnOwnerAsync(membership, cancellationToken).ConfigureAwait(false);
        membership.Role = role;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes a member from the current company. Needs <see cref="Right.ManagePeople"/>.</summary>
    /// <param name="personId">The member.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task RemoveAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ManagePeople);
        var membership = await FindAsync(personId, cancellationToken).ConfigureAwait(false);
        DemandRoleChange(membership.Role);
        await KeepAnOwnerAsync(membership, cancellationToken).ConfigureAwait(false);
        db.Memberships.Remove(membership);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A new person without a password, as Identity's stores expect one; lockout applies from the start.</summary>
    internal static Person NewPerson(string email, string displayName, DateTimeOffset now) => new()
    {
        LockoutEnabled = true,
        Id = Guid.CreateVersion7(now),
        UserName = email,
        NormalizedUserName = email.ToUpperInvariant(),
        Email = email,
        NormalizedEmail = email.ToUpperInvariant(),
        DisplayName = displayName,
        SecurityStamp = Guid.NewGuid().ToString("N"),
        ConcurrencyStamp = Guid.NewGuid().ToString(),
        CreatedAt = now,
    };

    private async Task<Membership> FindAsync(Guid personId, CancellationToken cancellationToken) =>
        await db.Memberships.SingleOrDefaultAsync(m => m.PersonId == personId, cancellationToken).ConfigureAwait(false)
        ?? throw new NotFoundException("member", personId);

    private void DemandRoleChange(CompanyRole role) => DemandAssignable(company, role);

    /// <summary>Refuses an unknown role, and the owner role to anyone who may not manage the company.</summary>
    /// <param name="company">The acting scope.</param>
    /// <param name="role">The role to give or take.</param>
    internal static void DemandAssignable(ICompanyContext company, CompanyRole role)
    {
        if (!Enum.IsDefined(role))
        {
            throw new ValidationFailedException("role", "unknown-role", "The role is owner, admin, accountant, member or external.");
        }

        if (role == CompanyRole.Owner)
        {
            company.Demand(Right.ManageCompany);
        }
    }

    private async Task KeepAnOwnerAsync(Membership membership, CancellationToken cancellationToken)
    {
        if (membership.Role == CompanyRole.Owner
            && await db.Memberships.CountAsync(m => m.Role == CompanyRole.Owner, cancellationToken).ConfigureAwait(false) <= 1)
        {
            throw new ConflictException("personId", "last-owner", "A company keeps at least one owner; make someone else owner first.");
        }
    }
}
