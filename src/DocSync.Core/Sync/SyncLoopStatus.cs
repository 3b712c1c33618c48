using DocSync.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DocSync.Core.Sync;

/// <summary>What one engine's loop on a connection is doing, for pages (the connection page, an overview).</summary>
/// <param name="Engine">The engine.</param>
/// <param name="Key">The loop's key (the connection for Export, a channel for Collect).</param>
/// <param name="ConnectionId">The connection.</param>
/// <param name="State">What it is doing. A loop whose holder stopped answering (its lease ran out mid-run) reads as idle.</param>
/// <param name="Since">Since when.</param>
/// <param name="Detail">Why, for paused, needs re-link and error.</param>
/// <param name="Name">What the loop is for, in people's words (a channel's name); <see langword="null"/> for Export (one loop per connection).</param>
public sealed record SyncLoopView(SyncEngine Engine, Guid Key, Guid ConnectionId, SyncLoopState State, DateTimeOffset Since, string? Detail, string? Name);

/// <summary>Reads the loops' state of the current company (the query API for pages; the loops write it through <see cref="SyncLoops"/>).</summary>
public sealed class SyncLoopStatus(DocSyncDbContext db, TimeProvider time)
{
    /// <summary>The loops on <paramref name="connectionId"/>, Export first.</summary>
    /// <param name="connectionId">The connection.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<IReadOnlyList<SyncLoopView>> ForConnectionAsync(Guid connectionId, CancellationToken cancellationToken = default) =>
        await ReadAsync(db.SyncLoops.Where(l => l.ConnectionId == connectionId), cancellationToken).ConfigureAwait(false);

    /// <summary>Every loop of the current company.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<IReadOnlyList<SyncLoopView>> ForCompanyAsync(CancellationToken cancellationToken = default) =>
        await ReadAsync(db.SyncLoops, cancellationToken).ConfigureAwait(false);

    private async Task<IReadOnlyList<SyncLoopView>> ReadAsync(IQueryable<SyncLoop> loops, CancellationToken cancellationToken)
    {
        var rows = await loops.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        var channelIds = rows.Where(l => l.Engine == SyncEngine.Collect).Select(l => l.Key).ToList();
        var channels = channelIds.Count == 0
            ? []
            : await db.CollectionChannels.AsNoTracking().Where(c => channelIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        return rows
            .Where(l => l.Engine != SyncEngine.Collect || channels.ContainsKey(l.Key)) // a deleted channel's loop is gone with it
            .Select(l => new SyncLoopView(l.Engine, l.Key, l.ConnectionId, Effective(l, now), l.StateSince, l.Detail,
                l.Engine == SyncEngine.Collect ? channels[l.Key] : null))
            .OrderBy(l => l.Engine).ThenBy(l => l.Name, StringComparer.CurrentCulture)
            .ToList();
    }

    /// <summary>A working state whose lease ran out was left by a process that stopped: the loop is not doing it any more.</summary>
    private static SyncLoopState Effective(SyncLoop loop, DateTimeOffset now) =>
        loop.State is SyncLoopState.Listing or SyncLoopState.Planning or SyncLoopState.Transferring && (loop.LeaseUntil is null || loop.LeaseUntil < now)
            ? SyncLoopState.Idle
            : loop.State;
}
