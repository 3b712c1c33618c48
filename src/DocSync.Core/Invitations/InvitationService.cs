using DocSync.Core.Access;
using DocSync.Core.Companies;
using DocSync.Core.Errors;
using DocSync.Core.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DocSync.Core.Invitations;

/// <summary>
/// How people join a company. An admin invites an e-mail address with a role; nobody becomes a
/// member until the person accepts. The answer to the admin is the same whether or not the address
/// already has an account (always a link; never the account's name or state). A link can set a
/// password only for a person its own company created who has none yet, so no company can ever
/// take over an account of another. Links are single-use, expire, and are bound to one invitation.
/// </summary>
public sealed class InvitationService(DocSyncDbContext db, CompanyContext company, TimeProvider time, IOptions<InvitationOptions> options)
{
    /// <summary>
    /// Invites <paramref name="email"/> to the current company with <paramref name="role"/>; makes
    /// the person (without a password) if nobody has that address. An open invitation of the same
    /// person here is replaced. Needs <see cref="Right.ManagePeople"/>.
    /// </summary>
    /// <param name="email">Their e-mail address.</param>
    /// <param name="displayName">Their name as the admin knows it.</param>
    /// <param name="role">Their role on accepting.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<IssuedInvitation> InviteAsync(string email, string displayName, CompanyRole role, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ManagePeople);
        MembershipService.DemandAssignable(company, role);
        email = (email ?? "").Trim();
        if (email.Length is 0 or > 256 || !email.Contains('@', StringComparison.Ordinal) || email.StartsWith('@') || email.EndsWith('@'))
        {
            throw new ValidationFailedException("email", "email-format", "An e-mail address such as anne@example.be.");
        }

        displayName = string.IsNullOrWhiteSpace(displayName) ? email.Split('@')[0] : displayName.Trim();
        if (displayName.Length > 200)
        {
            throw new ValidationFailedException("displayName", "too-long", "A name has 1 to 200 characters.");
        }

        var now = time.GetUtcNow();
        var normalized = email.ToUpperInvariant();
        var person = await db.Users.SingleOrDefaultAsync(p => p.NormalizedEmail == normalized, cancellationToken).ConfigureAwait(false);
        if (person is null)
        {
            person = MembershipService.NewPerson(email, displayName, now);
            person.CreatedByCompanyId = company.CompanyId;
            db.Users.Add(person);
        }
        else if (await db.Memberships.AnyAsync(m => m.PersonId == person.Id, cancellationToken).ConfigureAwait(false)
                 && !(person.PasswordHash is null && person.CreatedByCompanyId == company.CompanyId))
        {
            // A member who still has no password and was created here may get a new link; anyone else is simply a member.
            throw new ConflictException("email", "already-member", "This person is already a member of this company.");
        }

        await CloseOpenAsync(person.Id, cancellationToken).ConfigureAwait(false);
        var token = InvitationToken.New();
        var invitation = new Invitation
        {
            Id = Guid.CreateVersion7(now),
            CompanyId = company.CompanyId,
            PersonId = person.Id,
            Email = email,
            DisplayName = displayName,
            Role = role,
            TokenHash = InvitationToken.Hash(token),
            InvitedBy = company.Actor.Id,
            CreatedAt = now,
            ExpiresAt = now + options.Value.Lifetime,
            Status = InvitationStatus.Pending,
        };
        db.Add(invitation);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new IssuedInvitation(invitation.Id, person.Id, token, invitation.ExpiresAt);
    }

    /// <summary>
    /// A new link for an invitation of the current company that was not accepted (open, expired,
    /// withdrawn or declined): the same address, name and role; any older link stops working.
    /// Needs <see cref="Right.ManagePeople"/>.
    /// </summary>
    /// <param name="invitationId">The invitation.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<IssuedInvitation> RenewAsync(Guid invitationId, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ManagePeople);
        var old = await db.Set<Invitation>().SingleOrDefaultAsync(i => i.Id == invitationId && i.Status != InvitationStatus.Accepted, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("invitation", invitationId);
        return await InviteAsync(old.Email, old.DisplayName, old.Role, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Withdraws an invitation of the current company (withdrawing a closed one changes nothing). Needs <see cref="Right.ManagePeople"/>.</summary>
    /// <param name="invitationId">The invitation.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task RevokeAsync(Guid invitationId, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ManagePeople);
        var invitation = await db.Set<Invitation>().SingleOrDefaultAsync(i => i.Id == invitationId, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("invitation", invitationId);
        if (invitation.Status != InvitationStatus.Pending)
        {
            return;
        }

        invitation.Status = InvitationStatus.Revoked;
        invitation.ClosedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The current company's open invitations (expired ones too, so they can be renewed). Needs <see cref="Right.ManagePeople"/>.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<IReadOnlyList<InvitationInfo>> ListOpenAsync(CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ManagePeople);
        var now = time.GetUtcNow();
        var rows = await db.Set<Invitation>().AsNoTracking().Where(i => i.Status == InvitationStatus.Pending).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.OrderBy(i => i.CreatedAt)
            .Select(i => new InvitationInfo(i.Id, i.Email, i.DisplayName, i.Role, i.CreatedAt, i.ExpiresAt, i.ExpiresAt <= now))
            .ToList();
    }

    /// <summary>What a link leads to, or <see langword="null"/> when it is unknown, used, withdrawn or expired.</summary>
    /// <param name="token">The link's token.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<InvitationView?> FindByTokenAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (!InvitationToken.LooksValid(token))
        {
            return null;
        }

        var hash = InvitationToken.Hash(token!);
        var invitation = await db.Set<Invitation>().IgnoreQueryFilters().AsNoTracking()
            .SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken).ConfigureAwait(false);
        return invitation is null || !IsOpen(invitation) ? null : await ViewAsync(invitation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The open invitations of <paramref name="personId"/>, across companies (for the signed-in person).</summary>
    /// <param name="personId">The signed-in person.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<IReadOnlyList<InvitationView>> ForPersonAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var rows = await db.Set<Invitation>().IgnoreQueryFilters().AsNoTracking()
            .Where(i => i.PersonId == personId && i.Status == InvitationStatus.Pending)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var views = new List<InvitationView>();
        foreach (var invitation in rows.Where(i => i.ExpiresAt > now).OrderBy(i => i.CreatedAt))
        {
            views.Add(await ViewAsync(invitation, cancellationToken).ConfigureAwait(false));
        }

        return views;
    }

    /// <summary>How many open invitations <paramref name="personId"/> has (one count query, for the header of every page).</summary>
    /// <param name="personId">The signed-in person.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<int> CountForPersonAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        return await db.Set<Invitation>().IgnoreQueryFilters()
            .CountAsync(i => i.PersonId == personId && i.Status == InvitationStatus.Pending && i.ExpiresAt > now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// <paramref name="personId"/> (signed in) accepts their invitation: they become a member with its
    /// role. Throws <see cref="NotFoundException"/> for an invitation that is not theirs or no longer open.
    /// </summary>
    /// <param name="invitationId">The invitation.</param>
    /// <param name="personId">The signed-in person.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The company joined.</returns>
    public async Task<Guid> AcceptAsync(Guid invitationId, Guid personId, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var invitation = await ClaimAsync(invitationId, personId, InvitationStatus.Accepted, cancellationToken).ConfigureAwait(false);
        await JoinAsync(invitation, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return invitation.CompanyId;
    }

    /// <summary><paramref name="personId"/> (signed in) declines their invitation.</summary>
    /// <param name="invitationId">The invitation.</param>
    /// <param name="personId">The signed-in person.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task DeclineAsync(Guid invitationId, Guid personId, CancellationToken cancellationToken = default) =>
        await ClaimAsync(invitationId, personId, InvitationStatus.Declined, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// The link's first use by a person its company created: <paramref name="setPassword"/> sets their
    /// first password, and they join — together or not at all. Refused (<see cref="NotFoundException"/>)
    /// for a link that is not open or may not set this person's password.
    /// </summary>
    /// <param name="token">The link's token.</param>
    /// <param name="setPassword">Sets the person's password (Identity's validators run there); a failure undoes everything.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The password result, and the company joined when it succeeded.</returns>
    public async Task<(IdentityResult Result, Guid CompanyId)> AcceptWithFirstPasswordAsync(
        string token, Func<Person, Task<IdentityResult>> setPassword, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(setPassword);
        var view = await FindByTokenAsync(token, cancellationToken).ConfigureAwait(false);
        if (view is not { MayChoosePassword: true })
        {
            throw new NotFoundException("invitation", "link");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var invitation = await ClaimAsync(view.Id, view.PersonId, InvitationStatus.Accepted, cancellationToken).ConfigureAwait(false);
        var person = await db.Users.SingleAsync(p => p.Id == view.PersonId, cancellationToken).ConfigureAwait(false);
        if (person.PasswordHash is not null || person.CreatedByCompanyId != invitation.CompanyId)
        {
            throw new NotFoundException("invitation", "link");
        }

        var result = await setPassword(person).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            // Rolled back on dispose: the link still works for a better password.
            return (result, Guid.Empty);
        }

        person.CreatedByCompanyId = null;
        await JoinAsync(invitation, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return (result, invitation.CompanyId);
    }

    private static bool IsOpenAt(Invitation invitation, DateTimeOffset now) => invitation.Status == InvitationStatus.Pending && invitation.ExpiresAt > now;

    private bool IsOpen(Invitation invitation) => IsOpenAt(invitation, time.GetUtcNow());

    /// <summary>Moves an open invitation of <paramref name="personId"/> to <paramref name="status"/>, atomically: of two racing uses, one wins.</summary>
    private async Task<Invitation> ClaimAsync(Guid invitationId, Guid personId, InvitationStatus status, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var claimed = await db.Set<Invitation>().IgnoreQueryFilters()
            .Where(i => i.Id == invitationId && i.PersonId == personId && i.Status == InvitationStatus.Pending && i.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, status).SetProperty(i => i.ClosedAt, now), cancellationToken).ConfigureAwait(false);
        if (claimed != 1)
        {
            throw new NotFoundException("invitation", invitationId);
        }

        return await db.Set<Invitation>().IgnoreQueryFilters().AsNoTracking().SingleAsync(i => i.Id == invitationId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Makes the membership the invitation offered (kept as it is if the person is a member already).</summary>
    private async Task JoinAsync(Invitation invitation, CancellationToken cancellationToken)
    {
        var previous = company.Scope;
        company.Enter(new CompanyScope(invitation.CompanyId, Actor.Person(invitation.PersonId), new HashSet<Right>()));
        try
        {
            if (!await db.Memberships.AnyAsync(m => m.PersonId == invitation.PersonId, cancellationToken).ConfigureAwait(false))
            {
                var now = time.GetUtcNow();
                db.Memberships.Add(new Membership { Id = Guid.CreateVersion7(now), CompanyId = invitation.CompanyId, PersonId = invitation.PersonId, Role = invitation.Role, CreatedAt = now });
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            company.Restore(previous);
        }
    }

    private async Task<InvitationView> ViewAsync(Invitation invitation, CancellationToken cancellationToken)
    {
        var companyName = await db.Companies.AsNoTracking().Where(c => c.Id == invitation.CompanyId).Select(c => c.Name).SingleAsync(cancellationToken).ConfigureAwait(false);
        var person = await db.Users.AsNoTracking().Where(p => p.Id == invitation.PersonId)
            .Select(p => new { p.Email, HasPassword = p.PasswordHash != null, p.CreatedByCompanyId }).SingleAsync(cancellationToken).ConfigureAwait(false);
        return new InvitationView(invitation.Id, invitation.CompanyId, companyName, invitation.PersonId, person.Email ?? invitation.Email, invitation.Role,
            invitation.ExpiresAt, !person.HasPassword && person.CreatedByCompanyId == invitation.CompanyId);
    }

    private async Task CloseOpenAsync(Guid personId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var open in await db.Set<Invitation>().Where(i => i.PersonId == personId && i.Status == InvitationStatus.Pending).ToListAsync(cancellationToken).ConfigureAwait(false))
        {
            open.Status = InvitationStatus.Revoked;
            open.ClosedAt = now;
        }
    }
}
