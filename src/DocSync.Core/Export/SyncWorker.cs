using DocSync.Core.Access;
using DocSync.Core.Connections;
using DocSync.Core.Outbox;
using DocSync.Core.Persistence;
using DocSync.Core.Export.Presence;
using DocSync.Core.Sync;
using DocSync.Core.Sync.Changes;
using DocSync.Dropbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DocSync.Core.Export;

/// <summary>
/// The export engine's driver: turns outbox messages into tasks the moment they are saved, and keeps
/// one loop per connection with work (the kernel's <see cref="SingleFlight{TTrigger}"/>), each running
/// rounds of <see cref="ExportExecutor"/> until its queue is idle. A loop runs on one instance at a time
/// (the kernel's <see cref="SyncLoops"/> lease, renewed while a long round runs); an idle worker makes
/// no Dropbox request at all, only a small database query per <see cref="ExportOptions.PollInterval"/>.
/// </summary>
public sealed partial class SyncWorker(
    IServiceScopeFactory scopes, OutboxSignal signal, ConnectionClients clients, SyncLoops loops, RelinkHandler relink, IOptions<ExportOptions> options,
    TimeProvider time, ILogger<SyncWorker> logger) : IAccountChangeListener
{
    private readonly ExportOptions _options = options.Value;
    private readonly ILogger _logger = logger;
    private readonly TimeProvider _time = time;
    private readonly Dictionary<Guid, Guid> _companies = [];
    private SingleFlight<ExportWake>? _flights;
    private CancellationToken _stopping;

    /// <summary>Raised after every round of a connection's loop (for the UI and tests).</summary>
    public event Action<Guid, ExportRunResult>? RoundFinished;

    /// <summary>Raised after every check that files are still in Dropbox (for the UI and tests).</summary>
    public event Action<Guid, PresenceCheckResult>? CheckFinished;

    /// <summary>What wakes a connection's loop: a loop runs until its queue is idle, after a check of what is in Dropbox when one is asked for or due.</summary>
    private enum ExportWake
    {
        Work = 0,
        Check = 1,
    }

    /// <summary>Runs until <paramref name="cancellationToken"/> fires.</summary>
    /// <param name="cancellationToken">Stops the worker; loops finish their current round's bookkeeping or leave it to be redone.</param>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        _stopping = cancellationToken;
        var flights = new SingleFlight<ExportWake>(RunConnectionAsync, w => (int)w, (key, e) => LogLoopFailed(_logger, key, e),
            new BackoffPolicy(_options.LoopBackoff()), _time, cancellationToken);
        Volatile.Write(ref _flights, flights);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await DispatchAsync(cancellationToken).ConfigureAwait(false);
                foreach (var (connectionId, companyId) in await ReadyConnectionsAsync(cancellationToken).ConfigureAwait(false))
                {
                    Wake(connectionId, companyId);
                }
                foreach (var (connectionId, companyId) in await CheckDueConnectionsAsync(cancellationToken).ConfigureAwait(false))
                {
                    Wake(connectionId, companyId, ExportWake.Check);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break; // Stopping: a query cut short is simply not finished.
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                LogWorkerFailed(_logger, e);
            }

            try
            {
                await signal.WaitAsync(_options.PollInterval, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await flights.WhenAllAsync().ConfigureAwait(false);
    }

    /// <summary>Wakes the loop of a connection (after a retry, a new profile, a resume, a Dropbox webhook…); nothing while the worker is not running.</summary>
    /// <param name="connectionId">The connection.</param>
    /// <param name="companyId">Its company.</param>
    public void Wake(Guid connectionId, Guid companyId) => Wake(connectionId, companyId, ExportWake.Work);

    /// <summary>Checks now that the connection's exported files are still in Dropbox (putting back what is missing), then runs its queue.</summary>
    /// <param name="connectionId">The connection.</param>
    /// <param name="companyId">Its company.</param>
    public void WakeToCheck(Guid connectionId, Guid companyId) => Wake(connectionId, companyId, ExportWake.Check);

    /// <summary>A Dropbox webhook named these accounts: their connections with a complete export check what changed.</summary>
    /// <param name="accountIds">The accounts.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    public async Task<int> AccountsChangedAsync(IReadOnlyCollection<string> accountIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        if (Volatile.Read(ref _flights) is null || accountIds.Count == 0)
        {
            return 0;
        }
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DocSyncDbContext>();
        // Across companies: the webhook names accounts, not companies; each loop then runs in its own company's scope.
        var connections = await (from c in db.DropboxConnections.IgnoreQueryFilters()
                                 where accountIds.Contains(c.AccountId) && c.State == ConnectionState.Active
                                       && db.ExportProfiles.IgnoreQueryFilters().Any(p => p.ConnectionId == c.Id && p.Enabled && p.BackfillCompletedAt != null)
                                 select new { c.Id, c.CompanyId }).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var connection in connections)
        {
            Wake(connection.Id, connection.CompanyId, ExportWake.Check);
        }
        return connections.Count;
    }

    private void Wake(Guid connectionId, Guid companyId, ExportWake wake)
    {
        var flights = Volatile.Read(ref _flights);
        if (flights is null || _stopping.IsCancellationRequested)
        {
            return;
        }
        lock (_companies)
        {
            _companies[connectionId] = companyId;
        }
        _ = flights.Wake(connectionId, wake);
    }

    /// <summary>Wakes the worker itself (outbox messages wait).</summary>
    public void Nudge() => signal.Notify();

    private async Task DispatchAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            using var scope = scopes.CreateScope();
            var queue = scope.ServiceProvider.GetRequiredService<SyncQueue>();
            var (woken, more) = await queue.DispatchOutboxAsync(cancellationToken).ConfigureAwait(false);
            var db = scope.ServiceProvider.GetRequiredService<DocSyncDbContext>();
            foreach (var connectionId in woken)
            {
                var companyId = await db.DropboxConnections.IgnoreQueryFilters().Where(c => c.Id == connectionId).Select(c => c.CompanyId)
                    .SingleAsync(cancellationToken).ConfigureAwait(false);
                Wake(connectionId, companyId);
            }
            if (!more)
            {
                return;
            }
        }
    }

    /// <summary>Active connections with a task due now, across companies (the worker serves them all).</summary>
    private async Task<List<(Guid ConnectionId, Guid CompanyId)>> ReadyConnectionsAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DocSyncDbContext>();
        var now = _time.GetUtcNow();
        var active = db.DropboxConnections.IgnoreQueryFilters().Where(c => c.State == ConnectionState.Active).Select(c => c.Id);
        var rows = await db.SyncTasks.IgnoreQueryFilters()
            .Where(t => t.DeadAt == null && t.NextAttemptAt <= now && active.Contains(t.ConnectionId))
            .Select(t => new { t.ConnectionId, t.CompanyId })
            .Distinct()
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(r => (r.ConnectionId, r.CompanyId)).ToList();
    }

    /// <summary>Active connections whose check of what is in Dropbox is due (<see cref="ExportOptions.CheckInterval"/>), across companies.</summary>
    private async Task<List<(Guid ConnectionId, Guid CompanyId)>> CheckDueConnectionsAsync(CancellationToken cancellationToken)
    {
        if (_options.CheckInterval <= TimeSpan.Zero)
        {
            return [];
        }
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DocSyncDbContext>();
        var before = _time.GetUtcNow() - _options.CheckInterval;
        var rows = await (from p in db.ExportProfiles.IgnoreQueryFilters()
                          join c in db.DropboxConnections.IgnoreQueryFilters() on p.ConnectionId equals c.Id
                          where c.State == ConnectionState.Active && p.Enabled && p.BackfillCompletedAt != null
                                && !db.SyncCursors.IgnoreQueryFilters().Any(k => k.Engine == SyncEngine.Export && k.Key == p.Id && k.CheckedAt > before)
                          select new { c.Id, c.CompanyId }).Distinct().ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(r => (r.Id, r.CompanyId)).ToList();
    }

    /// <summary>Runs rounds for one connection until nothing is ready, holding its lease (nothing when another instance holds it or the connection is not active).</summary>
    private async Task RunConnectionAsync(Guid connectionId, ExportWake wake, CancellationToken cancellationToken)
    {
        Guid companyId;
        lock (_companies)
        {
            companyId = _companies[connectionId];
        }
        using var scope = scopes.CreateScope();
        var services = scope.ServiceProvider;
        services.GetRequiredService<CompanyContext>().Enter(CompanyScope.System(companyId));
        var db = services.GetRequiredService<DocSyncDbContext>();
        var connection = await db.DropboxConnections.AsNoTracking().SingleOrDefaultAsync(c => c.Id == connectionId, cancellationToken).ConfigureAwait(false);
        if (connection is not { State: ConnectionState.Active })
        {
            return;
        }
        var lease = await loops.TryTakeAsync(SyncEngine.Export, connectionId, companyId, connectionId, new LeaseTerms(_options.Instance, _options.LeaseDuration),
            SyncLoopState.Planning, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        if (lease is null)
        {
            return;
        }

        await using (lease)
        {
            DropboxClient client;
            try
            {
                client = await clients.GetAsync(services.GetRequiredService<ConnectionService>(), connection, cancellationToken).ConfigureAwait(false);
            }
            catch (Errors.ConflictException e)
            {
                lease.EndIn(SyncLoopState.NeedsRelink, e.Message);
                return; // Disconnected, or the grant cannot be decrypted (then it is marked for re-linking).
            }

            using var lost = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lease.Lost);
            if (wake == ExportWake.Check) // due checks are woken by the poll (CheckDueConnectionsAsync), webhooks and people
            {
                if (!await CheckAsync(companyId, connectionId, client, lease, lost.Token).ConfigureAwait(false))
                {
                    return;
                }
            }
            while (!cancellationToken.IsCancellationRequested && !lease.Lost.IsCancellationRequested)
            {
                using var round = scopes.CreateScope();
                ExportRunResult result;
                try
                {
                    result = await round.ServiceProvider.GetRequiredService<ExportExecutor>().RunOnceAsync(companyId, connectionId, client, lease, lost.Token)
                        .ConfigureAwait(false);
                }
                catch (ConnectionNeedsRelinkException e)
                {
                    lease.EndIn(SyncLoopState.NeedsRelink, e.Message);
                    await relink.HandleAsync(SyncEngine.Export, companyId, connectionId, e).ConfigureAwait(false);
                    return;
                }
                catch (OperationCanceledException) when (lease.Lost.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    return; // Another instance took the loop over; what this round did is redone there.
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                {
                    lease.EndIn(SyncLoopState.Error, FailureClassifier.Describe(e));
                    throw;
                }

                RoundFinished?.Invoke(connectionId, result);
                if (result.Tasks == 0)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Runs the check of what is still in Dropbox; false when the loop must end (re-link, lease lost).</summary>
    private async Task<bool> CheckAsync(Guid companyId, Guid connectionId, DropboxClient client, LoopLease lease, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<CompanyContext>().Enter(CompanyScope.System(companyId));
        try
        {
            await lease.SetAsync(SyncLoopState.Listing, cancellationToken: cancellationToken).ConfigureAwait(false);
            var result = await scope.ServiceProvider.GetRequiredService<PresenceCheck>().RunAsync(connectionId, client, cancellationToken).ConfigureAwait(false);
            CheckFinished?.Invoke(connectionId, result);
            return true;
        }
        catch (OperationCanceledException) when (lease.Lost.IsCancellationRequested && !_stopping.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception e) when (FailureClassifier.IsDropboxFailure(e, cancellationToken) && FailureClassifier.Classify(e).Kind == SyncFailureKind.NeedsRelink)
        {
            var refused = ConnectionNeedsRelinkException.From(e);
            lease.EndIn(SyncLoopState.NeedsRelink, refused.Message);
            await relink.HandleAsync(SyncEngine.Export, companyId, connectionId, refused).ConfigureAwait(false);
            return false;
        }
        catch (Exception e) when (FailureClassifier.IsDropboxFailure(e, cancellationToken))
        {
            // A failed look at Dropbox never stops the export itself: the next check tries again.
            LogCheckFailed(_logger, connectionId, FailureClassifier.Describe(e));
            return true;
        }
    }

    [LoggerMessage(EventId = 4013, Level = LogLevel.Warning, Message = "The export check of connection {ConnectionId} failed ({Failure}); the next check tries again")]
    private static partial void LogCheckFailed(ILogger logger, Guid connectionId, string failure);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Error, Message = "The sync worker failed; it tries again")]
    private static partial void LogWorkerFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Error, Message = "The export loop of connection {ConnectionId} failed; it tries again")]
    private static partial void LogLoopFailed(ILogger logger, Guid connectionId, Exception exception);
}
