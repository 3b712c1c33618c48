using DocSync.Core.Access;
using DocSync.Core.Auditing;
using DocSync.Core.Companies;
using DocSync.Core.Documents;
using DocSync.Core.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace DocSync.Core.Persistence;

public sealed partial class DocSyncDbContext
{
    /// <inheritdoc />
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var outbox = PrepareChanges();
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        NotifyOutbox(outbox);
        return saved;
    }

    /// <inheritdoc />
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var outbox = PrepareChanges();
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken).ConfigureAwait(false);
        NotifyOutbox(outbox);
        return saved;
    }

    /// <summary>Wakes the worker after a save that wrote outbox messages (a rolled-back transaction only wakes it for nothing).</summary>
    private void NotifyOutbox(bool outbox)
    {
        if (outbox)
        {
            _signal?.Notify();
        }
    }

    /// <summary>
    /// Enforces the company scope on every changed row, then adds the audit entries and outbox
    /// messages, so they commit or fail together with the change.
    /// </summary>
    /// <returns>Whether outbox messages are among the changes.</returns>
    private bool PrepareChanges()
    {
        ChangeTracker.DetectChanges();
        var changed = ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        var newCompanies = changed
            .Where(e => e is { State: EntityState.Added, Entity: Company })
            .Select(e => ((Company)e.Entity).Id)
            .ToHashSet();
        var now = _time.GetUtcNow();
        var actor = _companyContext.Actor;

        foreach (var entry in changed)
        {
            var companyId = EnforceScope(entry, newCompanies);
            if (companyId is null || entry.Entity is IAuditExempt)
            {
                continue;
            }

            Add(new AuditEntry
            {
                Id = Guid.CreateVersion7(now),
                CompanyId = companyId.Value,
                OccurredAt = now,
                ActorKind = actor.Kind,
                ActorId = actor.Id,
                Action = entry.State.ToString(),
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = KeyOf(entry),
                ChangedProperties = entry.State == EntityState.Modified
                    ? string.Join(',', entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name))
                    : null,
            });

            if (entry is { State: EntityState.Added, Entity: DocumentVersion version })
            {
                Add(new OutboxMessage
                {
                    CompanyId = version.CompanyId,
                    Topic = OutboxTopics.DocumentVersionCreated,
                    EntityId = version.DocumentId,
                    Version = version.Number,
                    CreatedAt = now,
                });
            }
        }

        foreach (var notice in Notifications.NoticeDetector.Detect(changed, now))
        {
            Add(notice);
        }

        return ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added);
    }

    /// <summary>
    /// Returns the company a changed row belongs to (null for rows outside any company, such as
    /// Identity's), stamping new scoped rows with the current company; throws when the row belongs
    /// to, or is being moved to, a company other than the current one (or one being created now).
    /// </summary>
    private Guid? EnforceScope(EntityEntry entry, HashSet<Guid> newCompanies)
    {
        var current = _companyContext.CurrentCompanyId;
        switch (entry.Entity)
        {
            case Company company:
                if (entry.State != EntityState.Added && company.Id != current)
                {
                    throw new CompanyScopeViolationException(nameof(Company), company.Id, current);
                }

                return company.Id;

            case ICompanyScoped scoped:
                if (entry.State == EntityState.Added && scoped.CompanyId == Guid.Empty && current is { } id)
                {
                    scoped.CompanyId = id;
                }

                var original = entry.State == EntityState.Added
                    ? scoped.CompanyId
                    : (Guid)entry.Property(nameof(ICompanyScoped.CompanyId)).OriginalValue!;
                foreach (var companyId in new[] { scoped.CompanyId, original })
                {
                    if (companyId != current && !newCompanies.Contains(companyId))
                    {
                        throw new CompanyScopeViolationException(entry.Metadata.ClrType.Name, companyId, current);
                    }
                }

                return scoped.CompanyId;

            default:
                return null;
        }
    }

    private static string KeyOf(EntityEntry entry) =>
        string.Join(',', entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()));
}
