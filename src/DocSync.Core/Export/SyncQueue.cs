using DocSync.Core.Access;
using DocSync.Core.Connections;
using DocSync.Core.Outbox;
using DocSync.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DocSync.Core.Export;

/// <summary>
/// Fills the persistent task queue: from the outbox (every new document version, for every enabled
/// profile of its company), for a backfill (every existing document once, behind new changes),
/// for a new layout, and for "retry now". One row per profile and document: asking again only bumps
/// its generation and priority.
/// </summary>
public sealed class SyncQueue(DocSyncDbContext db, CompanyContext companyContext, TimeProvider time)
{
    /// <summary>Outbox messages handled per call.</summary>
    public const int DispatchBatch = 500;

    /// <summary>
    /// Turns pending outbox messages (of every company) into tasks and marks them processed.
    /// Returns the connections that got work, so their loops can be woken, and whether a full batch
    /// was read (more may wait).
    /// </summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<(IReadOnlyCollection<Guid> Woken, bool More)> DispatchOutboxAsync(CancellationToken cancellationToken = default)
    {
        // The one query across companies: the dispatcher serves them all, then acts in each one's scope.
        var messages = await db.OutboxMessages.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.ProcessedAt == null)
            .OrderBy(m => m.Id)
            .Take(DispatchBatch)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var woken = new HashSet<Guid>();
        foreach (var group in messages.GroupBy(m => m.CompanyId))
        {
            companyContext.Enter(CompanyScope.System(group.Key));
            var profiles = await ActiveProfilesAsync(cancellationToken).ConfigureAwait(false);
            var documentIds = group.Where(m => m.Topic is OutboxTopics.DocumentVersionCreated or OutboxTopics.DocumentDeleted)
                .Select(m => m.EntityId).Distinct().ToList();
            foreach (var profile in profiles)
            {
                await EnqueueAsync(profile, documentIds, SyncPriority.Change, cancellationToken).ConfigureAwait(false);
                if (documentIds.Count > 0)
                {
                    woken.Add(profile.ConnectionId);
                }
            }
            var ids = group.Select(m => m.Id).ToList();
            var now = time.GetUtcNow();
            await db.OutboxMessages.Where(m => ids.Contains(m.Id)).ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, now), cancellationToken)
                .ConfigureAwait(false);
        }
        companyContext.Leave();
        return (woken, messages.Count == DispatchBatch);
    }

    /// <summary>
    /// Queues every existing document of the profile's types (the current company's) at backfill
    /// priority, in pages, and records the total for the progress bar.
    /// </summary>
    /// <param name="profileId">The profile.</param>
    /// <param name="priority">The priority (<see cref="SyncPriority.Backfill"/>, or <see cref="SyncPriority.Relayout"/> after a layout change).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>How many documents were queued.</returns>
    public async Task<int> QueueAllAsync(Guid profileId, int priority, CancellationToken cancellationToken = default)
    {
        var profile = await db.ExportProfiles.AsNoTracking().SingleAsync(p => p.Id == profileId, cancellationToken).ConfigureAwait(false);
        var bits = profile.DocumentTypes;
        // Ids and types only: a hundred thousand documents are a few megabytes.
        var candidates = await db.Documents.AsNoTracking().Where(d => d.DeletedAt == null).Select(d => new { d.Id, d.Type })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var ids = candidates.Where(d => (bits & ExportProfile.TypeBit(d.Type)) != 0).Select(d => d.Id).ToList();
        await EnqueueAsync(profile, ids, priority, cancellationToken).ConfigureAwait(false);
        var total = ids.Count;

        // Files already exported for documents that left the profile's types are looked at too.
        var leftovers = await db.ExportedFiles.AsNoTracking().Where(f => f.ProfileId == profileId).Select(f => f.DocumentId).Distinct()
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        await EnqueueAsync(profile, leftovers, priority, cancellationToken).ConfigureAwait(false);
        if (priority == SyncPriority.Backfill)
        {
            var now = time.GetUtcNow();
            DateTimeOffset? completed = total == 0 ? now : null;
            await db.ExportProfiles.Where(p => p.Id == profileId).ExecuteUpdateAsync(s => s
                .SetProperty(p => p.BackfillStartedAt, now)
                .SetProperty(p => p.BackfillCompletedAt, completed)
                .SetProperty(p => p.BackfillTotal, total), cancellationToken).ConfigureAwait(false);
        }
        return total;
    }

    /// <summary>Queues <paramref name="documentIds"/> for <paramref name="profile"/> (or bumps their tasks).</summary>
    /// <param name="profile">The profile.</param>
    /// <param name="documentIds">The documents.</param>
    /// <param name="priority">The priority; an existing task keeps the higher of its own and this one.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task EnqueueAsync(ExportProfile profile, IReadOnlyCollection<Guid> documentIds, int priority, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(documentIds);
        var now = time.GetUtcNow();
        foreach (var chunk in documentIds.Distinct().Chunk(400))
        {
            // Bump what is there: a new generation (so a round finishing an older request keeps this
            // one), due now, alive again, and never a lower priority.
            await db.SyncTasks.Where(t => t.ProfileId == profile.Id && chunk.Contains(t.DocumentId))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(t => t.Generation, t => t.Generation + 1)
                    .SetProperty(t => t.Priority, t => t.Priority < priority ? priority : t.Priority)
                    .SetProperty(t => t.NextAttemptAt, now)
                    .SetProperty(t => t.DeadAt, (DateTimeOffset?)null)
                    .SetProperty(t => t.Attempts, 0), cancellationToken).ConfigureAwait(false);
            var present = await db.SyncTasks.AsNoTracking().Where(t => t.ProfileId == profile.Id && chunk.Contains(t.DocumentId))
                .Select(t => t.DocumentId).ToListAsync(cancellationToken).ConfigureAwait(false);
            var missing = chunk.Except(present).ToList();
            if (missing.Count == 0)
            {
                continue;
            }
            // New tasks in a few multi-row statements: a backfill queues every document at once.
            await db.InsertRowsAsync(missing.Select(id => new SyncTask
            {
                CompanyId = profile.CompanyId,
                ConnectionId = profile.ConnectionId,
                ProfileId = profile.Id,
                DocumentId = id,
                Priority = priority,
                NextAttemptAt = now,
                CreatedAt = now,
            }).ToList(), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<List<ExportProfile>> ActiveProfilesAsync(CancellationToken cancellationToken)
    {
        var active = db.DropboxConnections.Where(c => c.State == ConnectionState.Active || c.State == ConnectionState.Paused || c.State == ConnectionState.NeedsRelink)
            .Select(c => c.Id);
        return await db.ExportProfiles.AsNoTracking().Where(p => p.Enabled && active.Contains(p.ConnectionId)).ToListAsync(cancellationToken).ConfigureAwait(false);
    }
}
