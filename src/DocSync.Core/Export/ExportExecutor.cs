using DocSync.Core.Access;
using DocSync.Core.Blobs;
using DocSync.Core.Connections;
using DocSync.Core.Documents;
using DocSync.Core.Export.Execution;
using DocSync.Core.Export.Planning;
using DocSync.Core.Persistence;
using DocSync.Core.Sync;
using DocSync.Dropbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DocSync.Core.Export;

/// <summary>
/// Runs one round of a connection's export loop: takes the ready tasks (highest priority first),
/// works out each document's files now and in Dropbox, lets <see cref="ExportPlanner"/> decide, does
/// the work in batches (moves, deletes, then uploads through <c>finish_batch_v2</c>), and records
/// files, log lines and task outcomes in one transaction. Every write is idempotent: a round cut
/// short anywhere is simply run again.
/// </summary>
public sealed class ExportExecutor(
    DocSyncDbContext db, CompanyContext companyContext, BlobStore blobs, IOptions<ExportOptions> options, TimeProvider time, ILogger<ExportExecutor> logger)
{
    private readonly ExportOptions _options = options.Value;
    private readonly BackoffPolicy _backoff = new(options.Value.RetryBackoff());

    /// <summary>Runs one round for <paramref name="connectionId"/> with <paramref name="client"/>.</summary>
    /// <param name="companyId">The connection's company.</param>
    /// <param name="connectionId">The connection.</param>
    /// <param name="client">A client acting for the connection.</param>
    /// <param name="cancellationToken">Stops the round (nothing half-recorded: the next round redoes it).</param>
    /// <exception cref="ConnectionNeedsRelinkException">Dropbox refused the grant.</exception>
    public Task<ExportRunResult> RunOnceAsync(Guid companyId, Guid connectionId, DropboxClient client, CancellationToken cancellationToken = default) =>
        RunOnceAsync(companyId, connectionId, client, null, cancellationToken);

    /// <summary>Runs one round for <paramref name="connectionId"/> with <paramref name="client"/>, telling the loop's <paramref name="lease"/> what it does.</summary>
    /// <param name="companyId">The connection's company.</param>
    /// <param name="connectionId">The connection.</param>
    /// <param name="client">A client acting for the connection.</param>
    /// <param name="lease">The loop's lease (its state shows planning, then transferring), if a loop runs the round.</param>
    /// <param name="cancellationToken">Stops the round (nothing half-recorded: the next round redoes it).</param>
    /// <exception cref="ConnectionNeedsRelinkException">Dropbox refused the grant.</exception>
    public async Task<ExportRunResult> RunOnceAsync(Guid companyId, Guid connectionId, DropboxClient client, LoopLease? lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        companyContext.Enter(CompanyScope.System(companyId));
        var log = new RoundLog(time);
        var now = time.GetUtcNow();
        var enabled = db.ExportProfiles.Where(p => p.ConnectionId == connectionId && p.Enabled).Select(p => p.Id);
        var tasks = await db.SyncTasks.AsNoTracking()
            .Where(t => t.ConnectionId == connectionId && t.DeadAt == null && t.NextAttemptAt <= now && enabled.Contains(t.ProfileId))
            .OrderByDescending(t => t.Priority).ThenBy(t => t.Id)
            .Take(_options.BatchSize)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (lease is not null && tasks.Count > 0)
        {
            await lease.SetAsync(SyncLoopState.Planning, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        if (tasks.Count == 0)
        {
            return ExportRunResult.Idle(await NextDueAsync(connectionId, enabled, cancellationToken).ConfigureAwait(false));
        }

        var connection = await db.DropboxConnections.AsNoTracking().SingleAsync(c => c.Id == connectionId, cancellationToken).ConfigureAwait(false);
        var company = await db.Companies.AsNoTracking().SingleAsync(c => c.Id == companyId, cancellationToken).ConfigureAwait(false);
        var profileIds = tasks.Select(t => t.ProfileId).Distinct().ToList();
        var profiles = await db.ExportProfiles.AsNoTracking().Where(p => profileIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken).ConfigureAwait(false);
        var documentIds = tasks.Select(t => t.DocumentId).Distinct().ToList();
        var source = await RoundSource.LoadAsync(db, documentIds, cancellationToken).ConfigureAwait(false);
        var exported = await db.ExportedFiles.AsNoTracking().Where(f => profileIds.Contains(f.ProfileId) && documentIds.Contains(f.DocumentId))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        source.PrepareUbl(profiles.Values);

        var outcomes = new Dictionary<long, TaskOutcome>();
        var work = new List<DocumentWork>();
        foreach (var group in tasks.GroupBy(t => t.ProfileId))
        {
            var profile = profiles[group.Key];
            var target = ExportTarget.For(profile, connection.RootFolder, company.Name);
            var syncedByDocument = exported.Where(f => f.ProfileId == profile.Id).ToLookup(f => f.DocumentId);
            var trees = new List<DocumentTrees>();
            foreach (var task in group)
            {
                var synced = syncedByDocument[task.DocumentId].Select(f => new SyncedFile(f.Slot, f.Path, f.PathKey, f.DropboxId, f.Rev, f.SourceSha256)).ToList();
                var tree = DesiredTreeBuilder.Build(task.DocumentId, source.Find(task.DocumentId), synced, target);
                if (tree.LeftOut is { } leftOut)
                {
                    log.Add(task, SyncAction.LeftOut, SyncOutcome.Warning, leftOut.Path, null, leftOut.Reason);
                }
                trees.Add(tree.Trees);
            }
            var desiredKeys = trees.SelectMany(t => t.Desired).Select(d => d.PathKey).Distinct().ToList();
            var inBatch = group.Select(t => t.DocumentId).ToList();
            var held = await HeldByOthersAsync(profile.Id, desiredKeys, inBatch, cancellationToken).ConfigureAwait(false);
            var plans = ExportPlanner.Plan(trees, held, profile.DeleteInDropbox);
            foreach (var (task, plan) in group.Zip(plans))
            {
                if (plan.Problem is { } problem)
                {
                    outcomes[task.Id] = TaskOutcome.Dead(problem.Code, problem.Message);
                    log.Add(task, SyncAction.LeftOut, SyncOutcome.Failed, null, null, problem.Message);
                    continue;
                }
                work.Add(new DocumentWork(task, profile, plan.Ops));
            }
        }

        if (lease is not null)
        {
            await lease.SetAsync(SyncLoopState.Transferring, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        var rows = new ExportedRows(exported, time.GetUtcNow());
        await new ExportTransfer(db, blobs, log, logger).ExecuteAsync(work, client, source, rows, outcomes, cancellationToken).ConfigureAwait(false);
        return await new ExportRecorder(db, _options, _backoff, time).RecordAsync(connectionId, companyId, tasks, outcomes, rows, log, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DateTimeOffset?> NextDueAsync(Guid connectionId, IQueryable<Guid> enabled, CancellationToken cancellationToken)
    {
        var waiting = db.SyncTasks.Where(t => t.ConnectionId == connectionId && t.DeadAt == null && enabled.Contains(t.ProfileId));
        if (!await waiting.AnyAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }
        return await waiting.MinAsync(t => t.NextAttemptAt, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Dictionary<string, Guid>> HeldByOthersAsync(Guid profileId, List<string> keys, List<Guid> inBatch, CancellationToken cancellationToken)
    {
        var held = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var chunk in keys.Chunk(400))
        {
            var rows = await db.ExportedFiles.AsNoTracking()
                .Where(f => f.ProfileId == profileId && chunk.Contains(f.PathKey) && !inBatch.Contains(f.DocumentId))
                .Select(f => new { f.PathKey, f.DocumentId })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var row in rows)
            {
                held[row.PathKey] = row.DocumentId;
            }
        }
        return held;
    }
}
