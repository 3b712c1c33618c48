using System.Collections.Concurrent;
using DocSync.Core.Access;
using DocSync.Core.Connections;
using DocSync.Core.Outbox;
using DocSync.Core.Persistence;
using DocSync.Dropbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DocSync.Core.Export;

/// <summary>
/// The sync engine's driver: turns outbox messages into tasks the moment they are saved, and keeps
/// one loop per connection with work, each running rounds of <see cref="ExportExecutor"/> until its
/// queue is idle. A loop runs on one instance at a time (a lease on <see cref="ConnectionActivity"/>);
/// an idle worker makes no Dropbox request at all, only a small database query per
/// <see cref="ExportOptions.PollInterval"/>.
/// </summary>
public sealed partial class SyncWorker(
    IServiceScopeFactory scopes, OutboxSignal signal, IDropboxConnector connector, IOptions<ExportOptions> options, TimeProvider time, ILogger<SyncWorker> logger)
{
    private readonly ExportOptions _options = options.Value;
    private readonly ILogger _logger = logger;
    private readonly TimeProvider _time = time;
    private readonly ConcurrentDictionary<Guid, ConnectionLoop> _loops = new();
    private readonly ConcurrentDictionary<Guid, (string Grant, DropboxClient Client)> _clients = new();
    private CancellationToken _stopping;
    private volatile bool _started;

    /// <summary>Raised after every round of a connection's loop (for the UI and tests).</summary>
    public event Action<Guid, ExportRunResult>? RoundFinished;

    /// <summary>Runs until <paramref name="cancellationToken"/> fires.</summary>
    /// <param name="cancellationToken">Stops the worker; loops finish their current round's bookkeeping or leave it to be redone.</param>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        _stopping = cancellationToken;
        _started = true;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await DispatchAsync(cancellationToken).ConfigureAwait(false);
                foreach (var (connectionId, companyId) in await ReadyConnectionsAsync(cancellationToken).ConfigureAwait(false))
                {
                    Wake(connectionId, companyId);
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

        await Task.WhenAll(_loops.Values.Select(l => l.Completion)).ConfigureAwait(false);
    }

    /// <summary>Wakes the loop of a connection (after a retry, a new profile, a resume…); nothing while the worker is not running.</summary>
    /// <param name="connectionId">The connection.</param>
    /// <param name="companyId">Its company.</param>
    public void Wake(Guid connectionId, Guid companyId)
    {
        if (!_started || _stopping.IsCancellationRequested)
        {
            return;
        }
        _loops.GetOrAdd(connectionId, id => new ConnectionLoop(this, id, companyId)).Wake();
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

    /// <summary>
    /// Runs rounds for one connection until nothing is ready, holding its lease. Returns false when
    /// the loop should not run now (another instance holds it, the connection is not active).
    /// </summary>
    private async Task RunConnectionAsync(Guid connectionId, Guid companyId, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            using var scope = scopes.CreateScope();
            var services = scope.ServiceProvider;
            var context = services.GetRequiredService<CompanyContext>();
            context.Enter(CompanyScope.System(companyId));
            var db = services.GetRequiredService<DocSyncDbContext>();
            var connection = await db.DropboxConnections.AsNoTracking().SingleOrDefaultAsync(c => c.Id == connectionId, cancellationToken).ConfigureAwait(false);
            if (connection is not { State: ConnectionState.Active } || !await TakeLeaseAsync(db, connectionId, companyId, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            DropboxClient client;
            try
            {
                client = await ClientAsync(services, connection, cancellationToken).ConfigureAwait(false);
            }
            catch (Errors.ConflictException)
            {
                return; // Disconnected, or the grant cannot be decrypted (then it is marked for re-linking).
            }

            ExportRunResult result;
            try
            {
                result = await services.GetRequiredService<ExportExecutor>().RunOnceAsync(companyId, connectionId, client, cancellationToken).ConfigureAwait(false);
            }
            catch (ConnectionNeedsRelinkException e)
            {
                LogNeedsRelink(_logger, connectionId, e.InnerException?.GetType().Name ?? "");
                _clients.TryRemove(connectionId, out _);
                using var relinkScope = scopes.CreateScope();
                relinkScope.ServiceProvider.GetRequiredService<CompanyContext>().Enter(CompanyScope.System(companyId));
                await relinkScope.ServiceProvider.GetRequiredService<ConnectionService>().MarkNeedsRelinkAsync(connectionId, e.Message, cancellationToken).ConfigureAwait(false);
                return;
            }

            RoundFinished?.Invoke(connectionId, result);
            if (result.Tasks == 0)
            {
                await ReleaseLeaseAsync(db, connectionId, cancellationToken).ConfigureAwait(false);
                return;
            }
        }
    }

    private async Task<DropboxClient> ClientAsync(IServiceProvider services, DropboxConnection connection, CancellationToken cancellationToken)
    {
        var grant = connection.ProtectedRefreshToken ?? "";
        if (_clients.TryGetValue(connection.Id, out var cached) && cached.Grant == grant)
        {
            return cached.Client;
        }
        var token = await services.GetRequiredService<ConnectionService>().RevealRefreshTokenAsync(connection.Id, cancellationToken).ConfigureAwait(false);
        var client = connector.Connect(connection, token);
        _clients[connection.Id] = (grant, client);
        return client;
    }

    private async Task<bool> TakeLeaseAsync(DocSyncDbContext db, Guid connectionId, Guid companyId, CancellationToken cancellationToken)
    {
        var me = _options.Instance;
        var now = _time.GetUtcNow();
        var until = now + _options.LeaseDuration;
        var taken = await db.ConnectionActivities
            .Where(a => a.ConnectionId == connectionId && (a.LeaseOwner == me || a.LeaseUntil == null || a.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.LeaseOwner, me).SetProperty(a => a.LeaseUntil, until), cancellationToken).ConfigureAwait(false);
        if (taken == 1)
        {
            return true;
        }
        if (await db.ConnectionActivities.AnyAsync(a => a.ConnectionId == connectionId, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }
        try
        {
            db.ConnectionActivities.Add(new ConnectionActivity { ConnectionId = connectionId, CompanyId = companyId, LeaseOwner = me, LeaseUntil = until });
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException)
        {
            return false; // Another instance made the row first.
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private async Task ReleaseLeaseAsync(DocSyncDbContext db, Guid connectionId, CancellationToken cancellationToken)
    {
        var me = _options.Instance;
        await db.ConnectionActivities.Where(a => a.ConnectionId == connectionId && a.LeaseOwner == me)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.LeaseUntil, (DateTimeOffset?)null), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One connection's loop: at most one run at a time; a wake during a run makes it run again.</summary>
    private sealed class ConnectionLoop(SyncWorker worker, Guid connectionId, Guid companyId)
    {
        private readonly Lock _gate = new();
        private bool _running;
        private bool _again;
        private Task _task = Task.CompletedTask;

        public Task Completion
        {
            get
            {
                lock (_gate)
                {
                    return _task;
                }
            }
        }

        public void Wake()
        {
            lock (_gate)
            {
                _again = true;
                if (_running)
                {
                    return;
                }
                _running = true;
                _task = Task.Run(RunAsync);
            }
        }

        private async Task RunAsync()
        {
            while (true)
            {
                lock (_gate)
                {
                    if (!_again || worker._stopping.IsCancellationRequested)
                    {
                        _running = false;
                        return;
                    }
                    _again = false;
                }

                try
                {
                    await worker.RunConnectionAsync(connectionId, companyId, worker._stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (worker._stopping.IsCancellationRequested)
                {
                }
                catch (Exception e)
                {
                    LogLoopFailed(worker._logger, connectionId, e);
                    try
                    {
                        await Task.Delay(TimeSpan.FromSeconds(2), worker._time, worker._stopping).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                    }
                }
            }
        }
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Error, Message = "The sync worker failed; it tries again")]
    private static partial void LogWorkerFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Error, Message = "The export loop of connection {ConnectionId} failed; it tries again")]
    private static partial void LogLoopFailed(ILogger logger, Guid connectionId, Exception exception);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Dropbox refused connection {ConnectionId} ({Reason}); it needs re-linking, its queue is kept")]
    private static partial void LogNeedsRelink(ILogger logger, Guid connectionId, string reason);
}
