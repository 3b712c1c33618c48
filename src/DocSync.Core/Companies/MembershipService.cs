using DocSync.Core.Access;
using DocSync.Core.Errors;
using DocSync.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DocSync.Core.Companies;

/// <summary>
/// People and their roles in the current company. Only an owner may make or unmake owners, and a
/// company always keeps one owner.
/// </summary>
public sealed class MembershipService(DocSyncDbContext db, ICompanyContext company, TimeProvider time)
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

    /// <summary>
    /// Adds a person by e-mail with a role; makes the person (without a password: they set one
    /// through the web UI) if nobody has that address. Needs <see cref="Right.ManagePeople"/>.
    /// </summary>
    /// <param name="email">Their e-mail address.</param>
    /// <param name="displayName">Their name, used when the person is new.</param>
    /// <param name="role">Their role here.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<MemberInfo> AddAsync(string email, string displayName, CompanyRole role, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ManagePeople);
        DemandRoleChange(role);
        if (string.IsNullOrWhiteSpace(email) || email.Length > 256 || !email.Contains('@', StringComparison.Ordinal))
        {
            throw new ValidationFailedException("email", "email-format", "An e-mail address such as anne@example.be.");
        }

        var normalized = email.Trim().ToUpperInvariant();
        var now = time.GetUtcNow();
        var person = await db.Users.SingleOrDefaultAsync(p => p.NormalizedEmail == normalized, cancellationToken).ConfigureAwait(false);
        if (person is null)
        {
            if (string.IsNullOrWhiteSpace(displayName) || displayName.Length > 200)
            {
                throw new ValidationFailedException("displayName", "required", "A name has 1 to 200 characters.");
            }

            person = NewPerson(email.Trim(), displayName.Trim(), now);
            db.Users.Add(person);
        }
        else if (await db.Memberships.AnyAsync(m => m.PersonId == person.Id, cancellationToken).ConfigureAwait(false))
        {
            throw new ConflictException("email", "already-member", "This person is already a member of this company.");
        }

        db.Memberships.Add(new Membership { Id = Guid.CreateVersion7(now), CompanyId = company.CompanyId, PersonId = person.Id, Role = role, CreatedAt = now });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new MemberInfo(person.Id, person.DisplayName, person.Email, role);
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

    /// <summary>A new person without a password, as Identity's stores expect one.</summary>
    internal static Person NewPerson(string email, string displayName, DateTimeOffset now) => new()
    {
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

    private void DemandRoleChange(CompanyRole role)
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
