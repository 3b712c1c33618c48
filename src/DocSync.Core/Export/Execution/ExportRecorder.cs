using DocSync.Core.Export.Planning;
using DocSync.Core.Persistence;
using DocSync.Core.Sync;
using Microsoft.EntityFrameworkCore;

namespace DocSync.Core.Export.Execution;

/// <summary>
/// Records a round in one transaction: the exported rows and log lines (a few multi-row
/// statements), the connection's activity, and each task's outcome (done, retried with backoff, or dead).
/// </summary>
internal sealed class ExportRecorder(DocSyncDbContext db, ExportOptions options, BackoffPolicy backoff, TimeProvider time)
{
    /// <summary>Records the round: files, log lines, the connection's activity and each task's outcome, in one transaction.</summary>
    public async Task<ExportRunResult> RecordAsync(Guid connectionId, Guid companyId, List<SyncTask> tasks, Dictionary<long, TaskOutcome> outcomes,
        ExportedRows rows, RoundLog log, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var activity = await db.ConnectionActivities.SingleOrDefaultAsync(a => a.ConnectionId == connectionId, cancellationToken).ConfigureAwait(false);
        if (activity is null)
        {
            activity = new ConnectionActivity { ConnectionId = connectionId, CompanyId = companyId };
            db.ConnectionActivities.Add(activity);
        }
        activity.LastRunAt = now;
        var blocked = outcomes.Values.FirstOrDefault(o => o.Kind == OutcomeKind.Blocked);
        if (log.Entries.Any(l => l.Outcome != SyncOutcome.Failed && l.Action is SyncAction.Upload or SyncAction.Update or SyncAction.Move or SyncAction.Adopt or SyncAction.Delete))
        {
            activity.LastSuccessAt = now;
        }
        if (blocked is not null)
        {
            activity.ProblemCode = blocked.Code;
            activity.Problem = blocked.Message;
            activity.ProblemAt ??= now;
        }
        else if (outcomes.Values.Any(o => o.Kind == OutcomeKind.Done))
        {
            activity.ProblemCode = null;
            activity.Problem = null;
            activity.ProblemAt = null;
        }

        var strategy = db.Database.CreateExecutionStrategy();
        int completed = 0, retrying = 0, dead = 0;
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await rows.SaveAsync(db, cancellationToken).ConfigureAwait(false);
            await db.InsertRowsAsync(log.Entries, cancellationToken).ConfigureAwait(false);
            completed = retrying = dead = 0;
            foreach (var byGeneration in tasks.Where(t => outcomes[t.Id].Kind == OutcomeKind.Done).GroupBy(t => t.Generation))
            {
                foreach (var chunk in byGeneration.Select(t => t.Id).Chunk(400))
                {
                    await db.SyncTasks.Where(t => chunk.Contains(t.Id) && t.Generation == byGeneration.Key).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
                }
                completed += byGeneration.Count();
            }

            foreach (var task in tasks)
            {
                var outcome = outcomes[task.Id];
                if (outcome.Kind == OutcomeKind.Done)
                {
                    continue;
                }
                var attempts = task.Attempts + (outcome.CountsAttempt ? 1 : 0);
                var giveUp = outcome.Kind == OutcomeKind.Dead || attempts >= options.MaxAttempts;
                var next = outcome.Kind == OutcomeKind.Blocked ? now + options.QuotaRetryDelay
                    : outcome.CountsAttempt ? now + backoff.Delay(attempts, outcome.RetryAfter)
                    : now;
                DateTimeOffset? deadAt = giveUp ? now : null;
                var code = outcome.Code.Length > 128 ? outcome.Code[..128] : outcome.Code;
                var message = outcome.Message.Length > 2000 ? outcome.Message[..2000] : outcome.Message;
                await db.SyncTasks.Where(t => t.Id == task.Id && t.Generation == task.Generation).ExecuteUpdateAsync(s => s
                    .SetProperty(t => t.Attempts, attempts)
                    .SetProperty(t => t.NextAttemptAt, next)
                    .SetProperty(t => t.DeadAt, deadAt)
                    .SetProperty(t => t.LastErrorCode, code)
                    .SetProperty(t => t.LastError, message), cancellationToken).ConfigureAwait(false);
                if (giveUp)
                {
                    dead++;
                }
                else
                {
                    retrying++;
                }
            }

            if (rows.PathsFreed)
            {
                var profileIds = tasks.Select(t => t.ProfileId).Distinct().ToList();
                await db.SyncTasks
                    .Where(t => profileIds.Contains(t.ProfileId) && t.DeadAt != null
                        && (t.LastErrorCode == PlanProblem.PathCollision || t.LastErrorCode == "path-occupied"))
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.DeadAt, (DateTimeOffset?)null).SetProperty(t => t.NextAttemptAt, now).SetProperty(t => t.Attempts, 0),
                        cancellationToken).ConfigureAwait(false);
            }

            await CompleteBackfillsAsync(tasks, now, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
        rows.Saved();
        db.ChangeTracker.Clear();
        return new ExportRunResult(tasks.Count, completed, retrying, dead, null);
    }

    private async Task CompleteBackfillsAsync(List<SyncTask> tasks, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var profileIds = tasks.Select(t => t.ProfileId).Distinct().ToList();
        var running = await db.ExportProfiles.Where(p => profileIds.Contains(p.Id) && p.BackfillStartedAt != null && p.BackfillCompletedAt == null)
            .Select(p => p.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var profileId in running)
        {
            if (!await db.SyncTasks.AnyAsync(t => t.ProfileId == profileId && t.DeadAt == null, cancellationToken).ConfigureAwait(false))
            {
                await db.ExportProfiles.Where(p => p.Id == profileId)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.BackfillCompletedAt, now), cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
