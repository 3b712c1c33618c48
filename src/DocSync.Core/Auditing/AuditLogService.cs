using DocSync.Core.Access;
using DocSync.Core.Companies;
using DocSync.Core.Errors;
using DocSync.Core.Persistence;
using DocSync.Core.Validation;
using Microsoft.EntityFrameworkCore;

namespace DocSync.Core.Auditing;

/// <summary>Reads the current company's audit log: who changed what, when.</summary>
public sealed class AuditLogService(DocSyncDbContext db, ICompanyContext company)
{
    /// <summary>The name shown for changes DocSync made itself.</summary>
    public const string SystemActorName = ActorNames.System;

    /// <summary>Lists changes, newest first, with each actor's name. Needs <see cref="Right.ViewAudit"/>.</summary>
    /// <param name="query">Filters and paging.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<PagedResult<AuditEntryInfo>> ListAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        company.Demand(Right.ViewAudit);
        var errors = Check(query).ToList();
        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrEmpty(query.EntityType))
        {
            entries = entries.Where(e => e.EntityType == query.EntityType);
        }

        if (!string.IsNullOrEmpty(query.EntityId))
        {
            entries = entries.Where(e => e.EntityId == query.EntityId);
        }

        if (query.ActorId is { } actorId)
        {
            entries = entries.Where(e => e.ActorId == actorId);
        }

        // Stored instants are UTC (SQLite keeps them as UTC ticks): compare in UTC.
        if (query.From?.ToUniversalTime() is { } from)
        {
            entries = entries.Where(e => e.OccurredAt >= from);
        }

        if (query.To?.ToUniversalTime() is { } to)
        {
            entries = entries.Where(e => e.OccurredAt < to);
        }

        var total = await entries.CountAsync(cancellationToken).ConfigureAwait(false);
        var page = await entries
            .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var names = await ActorNames.ResolveAsync(db, page.Select(e => (e.ActorKind, e.ActorId)), cancellationToken).ConfigureAwait(false);
        var subjects = await AuditSubjects.ResolveAsync(db, page, cancellationToken).ConfigureAwait(false);
        var items = page.Select(e => new AuditEntryInfo(
            e.Id, e.OccurredAt, e.ActorKind, e.ActorId, ActorNames.NameOf(names, e.ActorKind, e.ActorId), e.Action, e.EntityType, e.EntityId,
            e.ChangedProperties?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [],
            subjects.GetValueOrDefault((e.EntityType, e.EntityId)))).ToList();
        return new PagedResult<AuditEntryInfo>(items, query.Page, query.PageSize, total);
    }

    private static IEnumerable<ValidationError> Check(AuditQuery query)
    {
        foreach (var error in Paging.Check(query.Page, query.PageSize, AuditQuery.MaxPageSize))
        {
            yield return error;
        }

        if (query.EntityType is { Length: > 64 })
        {
            yield return new("entityType", "too-long", "An entity type has at most 64 characters.");
        }

        if (query.EntityId is { Length: > 100 })
        {
            yield return new("entityId", "too-long", "An entity id has at most 100 characters.");
        }

        if (query is { From: { } from, To: { } to } && from > to)
        {
            yield return new("to", "before-from", "The end of the period is not before its start.");
        }
    }
}
