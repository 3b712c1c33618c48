using DocSync.Core.Access;
using DocSync.Core.Collect;
using DocSync.Core.Companies;
using DocSync.Core.Connections;
using DocSync.Core.Export;
using DocSync.Core.Organizing;
using DocSync.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DocSync.Core.Overview;

/// <summary>
/// Reads the overview of the current company in one place (every read of connection, loop, channel
/// and inbox state the overview needs lives here, so a change of where that state is kept touches
/// this class alone). Anyone who may view the company's documents sees it; Mirror's conflicts and
/// held deletions join <see cref="OverviewProblems"/> when Mirror lands.
/// </summary>
public sealed class OverviewQuery(DocSyncDbContext db, ICompanyContext company, DropboxSpace space, TimeProvider time)
{
    /// <summary>How many days the activity chart covers.</summary>
    public const int ChartDays = 30;

    /// <summary>The overview of the current company.</summary>
    /// <param name="cancellationToken">Cancels the operation (a space fetch under way goes on for the next look).</param>
    public async Task<CompanyOverview> GetAsync(CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ViewDocuments);
        var now = time.GetUtcNow();
        var documents = await db.Documents.AsNoTracking().CountAsync(d => d.DeletedAt == null, cancellationToken).ConfigureAwait(false);
        var bytes = await db.DocumentFiles.AsNoTracking().SumAsync(f => (long?)f.Length, cancellationToken).ConfigureAwait(false) ?? 0;
        bytes += await db.InboxItems.AsNoTracking().SumAsync(i => (long?)i.Length, cancellationToken).ConfigureAwait(false) ?? 0;
        bytes += await db.FolderFiles.AsNoTracking().SumAsync(f => (long?)f.Length, cancellationToken).ConfigureAwait(false) ?? 0;
        var inbox = await db.InboxItems.AsNoTracking().CountAsync(i => i.Status == InboxItemStatus.Pending, cancellationToken).ConfigureAwait(false);
        var hasInbox = inbox > 0 || await db.InboxItems.AsNoTracking().AnyAsync(cancellationToken).ConfigureAwait(false);

        var connections = await ConnectionsAsync(cancellationToken).ConfigureAwait(false);
        var channels = await ChannelsAsync(cancellationToken).ConfigureAwait(false);
        var days = await DaysAsync(now, cancellationToken).ConfigureAwait(false);
        var hasLinked = await db.DropboxConnections.AsNoTracking().AnyAsync(cancellationToken).ConfigureAwait(false);
        var hasLayout = await db.ExportProfiles.AsNoTracking().AnyAsync(cancellationToken).ConfigureAwait(false);
        var start = new GuidedStart(documents > 0 || hasInbox, hasLinked, hasLayout);
        return new CompanyOverview(now, documents, bytes, inbox, connections, channels, days, start, OverviewProblems.Of(connections, channels, inbox));
    }

    private async Task<IReadOnlyList<ConnectionFigures>> ConnectionsAsync(CancellationToken cancellationToken)
    {
        var connections = await db.DropboxConnections.AsNoTracking().Where(c => c.State != ConnectionState.Disconnected)
            .OrderBy(c => c.Name).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (connections.Count == 0)
        {
            return [];
        }

        var tasks = await db.SyncTasks.AsNoTracking()
            .GroupBy(t => new { t.ConnectionId, Dead = t.DeadAt != null })
            .Select(g => new { g.Key.ConnectionId, g.Key.Dead, Count = g.Count() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var activities = await db.ConnectionActivities.AsNoTracking().ToDictionaryAsync(a => a.ConnectionId, cancellationToken).ConfigureAwait(false);
        var exported = await (
                from f in db.ExportedFiles.AsNoTracking()
                join p in db.ExportProfiles.AsNoTracking() on f.ProfileId equals p.Id
                group f by p.ConnectionId into g
                select new { ConnectionId = g.Key, Bytes = g.Sum(f => f.Length) })
            .ToDictionaryAsync(x => x.ConnectionId, x => x.Bytes, cancellationToken).ConfigureAwait(false);

        // Every connection's space at once: the page waits for the slowest, at most DropboxSpace.Budget.
        var spaces = await Task.WhenAll(connections.Select(c => space.GetAsync(c, cancellationToken))).ConfigureAwait(false);
        return [.. connections.Select((c, i) =>
        {
            activities.TryGetValue(c.Id, out var activity);
            var relink = c.State == ConnectionState.NeedsRelink;
            return new ConnectionFigures(c.Id, c.Name, c.State,
                relink ? c.LastError : activity?.Problem,
                relink ? "needs-relink" : activity?.ProblemCode,
                tasks.Where(t => t.ConnectionId == c.Id && !t.Dead).Sum(t => t.Count),
                tasks.Where(t => t.ConnectionId == c.Id && t.Dead).Sum(t => t.Count),
                activity?.LastSuccessAt,
                exported.GetValueOrDefault(c.Id),
                spaces[i]);
        })];
    }

    private async Task<IReadOnlyList<ChannelFigures>> ChannelsAsync(CancellationToken cancellationToken) =>
        await db.CollectionChannels.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new ChannelFigures(c.Id, c.Name, c.Enabled, c.Problem, c.ProblemCode, c.Enabled && c.Problem == null ? c.NextRunAt : null, c.LastRunAt))
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    private async Task<IReadOnlyList<DayFigures>> DaysAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var first = today.AddDays(-(ChartDays - 1));
        var since = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

        // Only the moments are read and counted here: day arithmetic does not translate alike on both databases.
        var exported = await db.SyncLog.AsNoTracking()
            .Where(e => e.At >= since && (e.Action == SyncAction.Upload || e.Action == SyncAction.Update) && e.Outcome != SyncOutcome.Failed)
            .Select(e => e.At).ToListAsync(cancellationToken).ConfigureAwait(false);
        var collected = await db.CollectionRunFiles.AsNoTracking()
            .Where(f => f.At >= since && f.Result == CollectFileResult.Collected)
            .Select(f => f.At).ToListAsync(cancellationToken).ConfigureAwait(false);
        var exportedByDay = exported.GroupBy(At => DateOnly.FromDateTime(At.UtcDateTime)).ToDictionary(g => g.Key, g => g.Count());
        var collectedByDay = collected.GroupBy(At => DateOnly.FromDateTime(At.UtcDateTime)).ToDictionary(g => g.Key, g => g.Count());
        return [.. Enumerable.Range(0, ChartDays).Select(i => first.AddDays(i))
            .Select(d => new DayFigures(d, exportedByDay.GetValueOrDefault(d), collectedByDay.GetValueOrDefault(d)))];
    }
}
