using DocSync.Core.Export.Planning;
using DocSync.Core.Persistence;
using DocSync.Core.Sync;
using DocSync.Dropbox;
using Microsoft.EntityFrameworkCore;

namespace DocSync.Core.Export;

/// <summary>How a task's round ended, worst last: a task with several files keeps its worst outcome.</summary>
internal enum OutcomeKind
{
    Done = 0,
    Blocked = 1,
    Retry = 2,
    Dead = 3,
    Relink = 4,
}

internal sealed record TaskOutcome(OutcomeKind Kind, string Code, string Message, TimeSpan? RetryAfter = null, bool CountsAttempt = true, Exception? Error = null)
{
    public static TaskOutcome Done { get; } = new(OutcomeKind.Done, "", "");

    public static TaskOutcome Dead(string code, string message) => new(OutcomeKind.Dead, code, message);

    /// <summary>Try again at once, without counting an attempt (the state changed under us).</summary>
    public static TaskOutcome Again(string code, string message) => new(OutcomeKind.Retry, code, message, TimeSpan.Zero, CountsAttempt: false);
}

public sealed partial class ExportExecutor
{
    private static TaskOutcome Classify(BatchUploadResult result) => ClassifyTag(result.ErrorTag ?? DropboxErrorTags.Other, result.Error);

    private static TaskOutcome Classify(Exception error) => From(FailureClassifier.Classify(error));

    private static TaskOutcome ClassifyTag(string tag, Exception? error) => From(FailureClassifier.ClassifyTag(tag, error));

    /// <summary>The kernel's classification as a task outcome (a blocked connection does not count an attempt).</summary>
    private static TaskOutcome From(SyncFailure failure) => failure.Kind switch
    {
        SyncFailureKind.NeedsRelink => new TaskOutcome(OutcomeKind.Relink, failure.Code, failure.Message, Error: failure.Error),
        SyncFailureKind.ConnectionBlocked => new TaskOutcome(OutcomeKind.Blocked, failure.Code, failure.Message, CountsAttempt: false),
        SyncFailureKind.ItemDead => TaskOutcome.Dead(failure.Code, failure.Message),
        _ => new TaskOutcome(OutcomeKind.Retry, failure.Code, failure.Message, failure.RetryAfter, Error: failure.Error),
    };

    /// <summary>
    /// The exported rows of a round, changed as Dropbox answers; written in a few statements (new
    /// rows before their upload, the rest with the round's record), not one command per file.
    /// </summary>
    private sealed class ExportedRows(List<ExportedFile> rows, DateTimeOffset now)
    {
        private readonly List<ExportedFile> _new = [];
        private readonly HashSet<ExportedFile> _changed = new(ReferenceEqualityComparer.Instance);
        private readonly HashSet<ExportedFile> _removed = new(ReferenceEqualityComparer.Instance);

        public bool PathsFreed { get; private set; }

        public ExportedFile? Find(Guid profileId, Guid documentId, string slot) =>
            rows.FirstOrDefault(r => r.ProfileId == profileId && r.DocumentId == documentId && r.Slot == slot);

        public void Moved(DocumentWork w, MoveOp op, FileMetadata moved)
        {
            if (Find(w.Profile.Id, w.Task.DocumentId, op.Slot) is { } row)
            {
                row.Path = moved.PathDisplay ?? op.ToPath;
                row.PathKey = op.ToPathKey;
                row.Rev = moved.Rev;
                row.DropboxId = moved.Id;
                Changed(row);
                PathsFreed = true;
            }
        }

        public void Forget(DocumentWork w, string slot)
        {
            if (Find(w.Profile.Id, w.Task.DocumentId, slot) is { } row)
            {
                rows.Remove(row);
                _changed.Remove(row);
                if (!_new.Remove(row))
                {
                    _removed.Add(row);
                }
                PathsFreed = true;
            }
        }

        /// <summary>Records that a new file is about to be written (no id, no rev yet).</summary>
        public ExportedFile Intend(DocumentWork w, UploadOp op)
        {
            if (Find(w.Profile.Id, w.Task.DocumentId, op.Slot) is { } existing)
            {
                return existing;
            }
            var row = new ExportedFile
            {
                Id = Guid.CreateVersion7(),
                CompanyId = w.Task.CompanyId,
                ProfileId = w.Profile.Id,
                DocumentId = w.Task.DocumentId,
                Slot = op.Slot,
                Path = op.Path,
                PathKey = op.PathKey,
                DropboxId = "",
                Rev = "",
                ContentHash = "",
                SourceSha256 = "",
                ExportedAt = now,
            };
            rows.Add(row);
            _new.Add(row);
            return row;
        }

        public void Written(DocumentWork w, UploadOp op, FileMetadata file)
        {
            var row = Intend(w, op);
            row.Path = file.PathDisplay ?? op.Path;
            row.PathKey = op.PathKey;
            row.DropboxId = file.Id;
            row.Rev = file.Rev;
            row.ContentHash = file.ContentHash ?? "";
            row.SourceSha256 = op.SourceSha256;
            row.Length = file.Size;
            row.ExportedAt = now;
            Changed(row);
        }

        /// <summary>Saves the rows intended since the last save (before their uploads go).</summary>
        public async Task SaveIntentsAsync(DocSyncDbContext db, CancellationToken cancellationToken)
        {
            await db.InsertRowsAsync(_new, cancellationToken).ConfigureAwait(false);
            _new.Clear();
        }

        /// <summary>Writes the round's changes: removed rows go, changed rows are written again whole (same ids), in the caller's transaction.</summary>
        public async Task SaveAsync(DocSyncDbContext db, CancellationToken cancellationToken)
        {
            await db.DeleteRowsAsync(_removed.Concat(_changed).ToList(), cancellationToken).ConfigureAwait(false);
            await db.InsertRowsAsync(_changed.Concat(_new).ToList(), cancellationToken).ConfigureAwait(false);
        }

        /// <summary>After the record's transaction committed.</summary>
        public void Saved()
        {
            _new.Clear();
            _changed.Clear();
            _removed.Clear();
        }

        private void Changed(ExportedFile row)
        {
            if (!_new.Contains(row))
            {
                _changed.Add(row);
            }
        }
    }

    /// <summary>Records the round: files, log lines, the connection's activity and each task's outcome, in one transaction.</summary>
    private async Task<ExportRunResult> RecordAsync(Guid connectionId, Guid companyId, List<SyncTask> tasks, Dictionary<long, TaskOutcome> outcomes,
        ExportedRows rows, CancellationToken cancellationToken)
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
        if (_log.Any(l => l.Outcome != SyncOutcome.Failed && l.Action is SyncAction.Upload or SyncAction.Update or SyncAction.Move or SyncAction.Adopt or SyncAction.Delete))
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
            await db.InsertRowsAsync(_log, cancellationToken).ConfigureAwait(false);
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
                var giveUp = outcome.Kind == OutcomeKind.Dead || attempts >= _options.MaxAttempts;
                var next = outcome.Kind == OutcomeKind.Blocked ? now + _options.QuotaRetryDelay
                    : outcome.CountsAttempt ? now + _backoff.Delay(attempts, outcome.RetryAfter)
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

            if (_pathsFreed)
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
