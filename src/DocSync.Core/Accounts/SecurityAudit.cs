using DocSync.Core.Access;
using DocSync.Core.Auditing;
using DocSync.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DocSync.Core.Accounts;

/// <summary>What happened to an account, as written to the audit log (<see cref="AuditEntry.Action"/>).</summary>
public static class SecurityActions
{
    /// <summary>A wrong password (or a try while locked out).</summary>
    public const string SignInFailed = "SignInFailed";

    /// <summary>Too many wrong passwords: the account is locked for a while.</summary>
    public const string LockedOut = "LockedOut";

    /// <summary>A successful sign-in.</summary>
    public const string SignedIn = "SignedIn";

    /// <summary>The person changed their password (every other session ends).</summary>
    public const string PasswordChanged = "PasswordChanged";

    /// <summary>The person chose their first password through an invitation.</summary>
    public const string PasswordSet = "PasswordSet";

    /// <summary>The person signed out (every session ends).</summary>
    public const string SignedOut = "SignedOut";
}

/// <summary>
/// Writes account events (failed sign-ins, lockouts, password changes) to the structured log and to
/// the audit log of every company the person belongs to, so each company's admins see them. An
/// unknown e-mail has no company: it is logged only (as a hash, never the address typed).
/// </summary>
public sealed class SecurityAudit(DocSyncDbContext db, CompanyContext company, TimeProvider time, ILogger<SecurityAudit> logger)
{
    /// <summary>Records <paramref name="action"/> for <paramref name="personId"/>.</summary>
    /// <param name="personId">The person.</param>
    /// <param name="action">One of <see cref="SecurityActions"/>.</param>
    /// <param name="clientAddress">Where the request came from.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task RecordAsync(Guid personId, string action, string? clientAddress, CancellationToken cancellationToken = default)
    {
        SecurityLog.AccountEvent(logger, action == SecurityActions.SignedIn || action == SecurityActions.SignedOut ? LogLevel.Information : LogLevel.Warning, action, personId, clientAddress ?? "-");
        var companies = await db.Memberships.IgnoreQueryFilters().AsNoTracking().Where(m => m.PersonId == personId)
            .Select(m => m.CompanyId).ToListAsync(cancellationToken).ConfigureAwait(false);
        var previous = company.Scope;
        try
        {
            foreach (var companyId in companies)
            {
                company.Enter(new CompanyScope(companyId, Actor.Person(personId), new HashSet<Companies.Right>()));
                var now = time.GetUtcNow();
                db.AuditEntries.Add(new AuditEntry
                {
                    Id = Guid.CreateVersion7(now),
                    CompanyId = companyId,
                    OccurredAt = now,
                    ActorKind = ActorKind.Person,
                    ActorId = personId,
                    Action = action,
                    EntityType = "Person",
                    EntityId = personId.ToString(),
                });
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            company.Restore(previous);
        }
    }

    /// <summary>Logs a failed sign-in for an address no account has (a hash of it, never the address).</summary>
    /// <param name="email">The address typed.</param>
    /// <param name="clientAddress">Where the request came from.</param>
    public void UnknownAccount(string email, string? clientAddress) =>
        SecurityLog.UnknownAccount(logger, Invitations.InvitationToken.Hash((email ?? "").Trim().ToUpperInvariant())[..16], clientAddress ?? "-");

    /// <summary>Logs a refused attempt (rate limit).</summary>
    /// <param name="scope">address or account.</param>
    /// <param name="clientAddress">Where the request came from.</param>
    public void Throttled(string scope, string? clientAddress) => SecurityLog.Throttled(logger, scope, clientAddress ?? "-");
}

/// <summary>Account event log messages (ids 2401–2409). Never a password, a token or a typed address.</summary>
internal static partial class SecurityLog
{
    [LoggerMessage(EventId = 2401, Message = "Account event {Action} for person {PersonId} from {ClientAddress}")]
    public static partial void AccountEvent(ILogger logger, LogLevel level, string action, Guid personId, string clientAddress);

    [LoggerMessage(EventId = 2402, Level = LogLevel.Warning, Message = "Failed sign-in for an unknown account (address hash {AddressHash}) from {ClientAddress}")]
    public static partial void UnknownAccount(ILogger logger, string addressHash, string clientAddress);

    [LoggerMessage(EventId = 2403, Level = LogLevel.Warning, Message = "Sign-in attempts refused by the {Scope} rate limit from {ClientAddress}")]
    public static partial void Throttled(ILogger logger, string scope, string clientAddress);
}
