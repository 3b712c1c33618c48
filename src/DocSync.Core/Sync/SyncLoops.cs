using DocSync.Core.Access;
using DocSync.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DocSync.Core.Sync;

/// <summary>Who takes a loop and for how long.</summary>
/// <param name="Owner">This instance's name.</param>
/// <param name="Duration">How long a lease lasts without renewal; it is renewed every third of that while held.</param>
public sealed record LeaseTerms(string Owner, TimeSpan Duration);

/// <summary>
/// The one lease of every engine's loops (<see cref="SyncLoop"/> rows): take (waiting if asked),
/// renew in the background every third of its duration while the work runs however long it takes,
/// release. Works across instances on one database: a lease is a conditional update of one row, so
/// two instances never both hold it; a process killed while holding one is replaced once the lease
/// runs out (or at once by a restart under the same instance name). Also records the loop's state.
/// </summary>
public sealed class SyncLoops(IServiceScopeFactory scopes, TimeProvider time)
{
    /// <summary>
    /// Takes the loop <paramref name="engine"/>/<paramref name="key"/> for <paramref name="terms"/>'s owner
    /// and marks it <paramref name="state"/>; <see langword="null"/> when another instance holds it past
    /// <paramref name="wait"/>. Dispose the lease to release it.
    /// </summary>
    /// <param name="engine">The engine.</param>
    /// <param name="key">The loop's key.</param>
    /// <param name="companyId">Its company.</param>
    /// <param name="connectionId">The connection it talks through.</param>
    /// <param name="terms">Owner and duration.</param>
    /// <param name="state">What the loop starts doing.</param>
    /// <param name="wait">How long to wait for another holder to let go (zero: not at all).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public async Task<LoopLease?> TryTakeAsync(SyncEngine engine, Guid key, Guid companyId, Guid connectionId, LeaseTerms terms, SyncLoopState state,
        TimeSpan wait, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var deadline = time.GetUtcNow() + wait;
        while (true)
        {
            if (await TakeOnceAsync(engine, key, companyId, connectionId, terms, state, cancellationToken).ConfigureAwait(false))
            {
                return new LoopLease(this, engine, key, companyId, terms, state);
            }
            if (time.GetUtcNow() >= deadline)
            {
                return null;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250), time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Records what a loop is doing without holding it (e.g. a connection found needing a new link before its loop started).</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="key">The loop's key.</param>
    /// <param name="companyId">Its company.</param>
    /// <param name="connectionId">Its connection.</param>
    /// <param name="state">The state.</param>
    /// <param name="detail">Why, for people.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task RecordAsync(SyncEngine engine, Guid key, Guid companyId, Guid connectionId, SyncLoopState state, string? detail, CancellationToken cancellationToken)
    {
        await using var scope = Enter(companyId, out var db);
        var now = time.GetUtcNow();
        var cut = Cut(detail);
        var changed = await db.SyncLoops.Where(l => l.Engine == engine && l.Key == key)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.State, state).SetProperty(l => l.StateSince, now).SetProperty(l => l.Detail, cut), cancellationToken)
            .ConfigureAwait(false);
        if (changed == 0)
        {
            try
            {
                db.SyncLoops.Add(new SyncLoop { Engine = engine, Key = key, CompanyId = companyId, ConnectionId = connectionId, State = state, StateSince = now, Detail = cut });
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateException)
            {
                // Another instance made the row meanwhile: its state is as fresh as ours.
            }
        }
    }

    private async Task<bool> TakeOnceAsync(SyncEngine engine, Guid key, Guid companyId, Guid connectionId, LeaseTerms terms, SyncLoopState state,
        CancellationToken cancellationToken)
    {
        await using var scope = Enter(companyId, out var db);
        var me = terms.Owner;
        var now = time.GetUtcNow();
        var until = now + terms.Duration;
        var taken = await db.SyncLoops
            .Where(l => l.Engine == engine && l.Key == key && (l.LeaseOwner == me || l.LeaseUntil == null || l.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(l => l.LeaseOwner, me)
                .SetProperty(l => l.LeaseUntil, until)
                .SetProperty(l => l.ConnectionId, connectionId)
                .SetProperty(l => l.State, state)
                .SetProperty(l => l.StateSince, now)
                .SetProperty(l => l.Detail, (string?)null), cancellationToken).ConfigureAwait(false);
        if (taken == 1)
        {
            return true;
        }
        if (await db.SyncLoops.AnyAsync(l => l.Engine == engine && l.Key == key, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }
        try
        {
            db.SyncLoops.Add(new SyncLoop
            {
                Engine = engine, Key = key, CompanyId = companyId, ConnectionId = connectionId, State = state, StateSince = now, LeaseOwner = me, LeaseUntil = until,
            });
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException)
        {
            return false; // Another instance made the row first.
        }
    }

    internal async Task<bool> RenewAsync(SyncEngine engine, Guid key, Guid companyId, LeaseTerms terms, CancellationToken cancellationToken)
    {
        await using var scope = Enter(companyId, out var db);
        var me = terms.Owner;
        var until = time.GetUtcNow() + terms.Duration;
        return await db.SyncLoops.Where(l => l.Engine == engine && l.Key == key && l.LeaseOwner == me)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.LeaseUntil, until), cancellationToken).ConfigureAwait(false) == 1;
    }

    internal async Task SetStateAsync(SyncEngine engine, Guid key, Guid companyId, string owner, SyncLoopState state, string? detail, bool release,
        CancellationToken cancellationToken)
    {
        await using var scope = Enter(companyId, out var db);
        var now = time.GetUtcNow();
        var cut = Cut(detail);
        var mine = db.SyncLoops.Where(l => l.Engine == engine && l.Key == key && l.LeaseOwner == owner);
        if (release)
        {
            await mine.ExecuteUpdateAsync(s => s
                .SetProperty(l => l.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(l => l.State, state)
                .SetProperty(l => l.StateSince, now)
                .SetProperty(l => l.Detail, cut), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await mine.ExecuteUpdateAsync(s => s.SetProperty(l => l.State, state).SetProperty(l => l.StateSince, now).SetProperty(l => l.Detail, cut), cancellationToken)
                .ConfigureAwait(false);
        }
    }

    internal TimeProvider Time => time;

    private AsyncServiceScope Enter(Guid companyId, out DocSyncDbContext db)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CompanyContext>().Enter(CompanyScope.System(companyId));
        db = scope.ServiceProvider.GetRequiredService<DocSyncDbContext>();
        return scope;
    }

    private static string? Cut(string? detail) => detail is { Length: > 2000 } ? detail[..2000] : detail;
}

/// <summary>
/// A held loop: renewed in the background while held, released (with the state it ends in) when
/// disposed. <see cref="Lost"/> fires if another instance took it meanwhile (this one was too slow to
/// renew): the work should stop, its writes being idempotent.
/// </summary>
public sealed class LoopLease : IAsyncDisposable
{
    private readonly SyncLoops _loops;
    private readonly SyncEngine _engine;
    private readonly Guid _key;
    private readonly Guid _companyId;
    private readonly LeaseTerms _terms;
    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewal;
    private SyncLoopState _state;
    private string? _detail;
    private SyncLoopState _ending = SyncLoopState.Idle;
    private string? _endingDetail;
    private int _disposed;

    internal LoopLease(SyncLoops loops, SyncEngine engine, Guid key, Guid companyId, LeaseTerms terms, SyncLoopState state)
    {
        _loops = loops;
        _engine = engine;
        _key = key;
        _companyId = companyId;
        _terms = terms;
        _state = state;
        _renewal = Task.Run(RenewAsync);
    }

    /// <summary>Fires when the lease was lost to another instance.</summary>
    public CancellationToken Lost => _lost.Token;

    /// <summary>What the loop is doing now.</summary>
    public SyncLoopState State => _state;

    /// <summary>Records what the loop is doing now (one update, only when it changes).</summary>
    /// <param name="state">The state.</param>
    /// <param name="detail">Why, for people.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task SetAsync(SyncLoopState state, string? detail = null, CancellationToken cancellationToken = default)
    {
        if (state == _state && detail == _detail)
        {
            return;
        }
        _state = state;
        _detail = detail;
        await _loops.SetStateAsync(_engine, _key, _companyId, _terms.Owner, state, detail, release: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The state the loop is left in when the lease is released (idle unless said otherwise).</summary>
    /// <param name="state">The state.</param>
    /// <param name="detail">Why, for people.</param>
    public void EndIn(SyncLoopState state, string? detail = null)
    {
        _ending = state;
        _endingDetail = detail;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _renewal.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        try
        {
            await _loops.SetStateAsync(_engine, _key, _companyId, _terms.Owner, _ending, _endingDetail, release: true, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or ObjectDisposedException)
        {
            // Not released: the lease runs out by itself, and this instance takes it back at once.
        }
        finally
        {
            _stop.Dispose();
            _lost.Dispose();
        }
    }

    private async Task RenewAsync()
    {
        var every = _terms.Duration / 3;
        while (!_stop.IsCancellationRequested)
        {
            await Task.Delay(every, _loops.Time, _stop.Token).ConfigureAwait(false);
            bool held;
            try
            {
                held = await _loops.RenewAsync(_engine, _key, _companyId, _terms, _stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                continue; // The database blinked: the next renewal tries again, well within the lease.
            }
            if (!held)
            {
                await _lost.CancelAsync().ConfigureAwait(false);
                return;
            }
        }
    }
}
