using System.Collections.Concurrent;
using DocSync.Core.Access;
using DocSync.Core.Connections;
using DocSync.Core.Errors;
using DocSync.Core.Persistence;
using DocSync.Core.Sync;
using DocSync.Dropbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DocSync.Core.Collect;

/// <summary>
/// Drives the channels of every company: scheduled runs when due (the daily safety net), a
/// longpoll per near-real-time channel so a drop is collected within seconds, webhook
/// notifications, and rechecks of files seen still changing. One run per channel at a time
/// (in-process lock plus a database lease across instances).
/// </summary>
public sealed partial class CollectWorker(
    IServiceScopeFactory scopes, ConnectionClients clients, RelinkHandler relink, IOptions<CollectOptions> options, TimeProvider time, ILogger<CollectWorker> logger)
    : Sync.Changes.IAccountChangeListener
{
    private readonly CollectOptions _options = options.Value;
    private readonly ILogger _logger = logger;
    private readonly BackoffPolicy _retry = new(options.Value.RetryBackoff());
    private readonly BackoffPolicy _watchBackoff = new(CollectOptions.WatchBackoff());
    private readonly ConcurrentDictionary<Guid, Guid> _companies = new();
    private SingleFlight<CollectTrigger>? _flights;
    private readonly ConcurrentDictionary<Guid, (CancellationTokenSource Stop, Task Task)> _watchers = new();
    private readonly SemaphoreSlim _refresh = new(0, int.MaxValue);
    private CancellationToken _stopping;
    private volatile bool _started;
    private DateTimeOffset _lastPurge;

    /// <summary>Raised after every run (for the UI and tests).</summary>
    public event Action<CollectionRun>? RunFinished;

    /// <summary>Channels currently watched by a longpoll on this instance.</summary>
    public IReadOnlyCollection<Guid> Watched => [.. _watchers.Keys];

    /// <summary>Runs until <paramref name="cancellationToken"/> fires.</summary>
    /// <param name="cancellationToken">Stops the worker.</param>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        _stopping = cancellationToken;
        // Of asks coalesced into one run, a scheduled one (a full look) wins over a real-time one.
        var flights = new SingleFlight<CollectTrigger>(
            (channelId, trigger, stopping) => RunAsync(_companies[channelId], channelId, trigger, null, stopping),
            trigger => trigger == CollectTrigger.Scheduled ? 1 : 0,
            (channelId, e) => LogRunFailed(_logger, channelId, e),
            new BackoffPolicy(CollectOptions.WatchBackoff()), time, cancellationToken);
        Volatile.Write(ref _flights, flights);
        _started = true;
        CleanTemp();
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await TickAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                LogWorkerFailed(logger, e);
            }

            try
            {
                await _refresh.WaitAsync(_options.PollInterval, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        foreach (var watcher in _watchers.Values)
        {
            await watcher.Stop.CancelAsync().ConfigureAwait(false);
        }
        await Task.WhenAll(_watchers.Values.Select(w => w.Task).Append(flights.WhenAllAsync())).ConfigureAwait(false);
    }

    /// <summary>Makes the worker look at the channels again now (one was created, changed or deleted).</summary>
    public void Refresh()
    {
        if (_started)
        {
            _refresh.Release();
        }
    }

    /// <inheritdoc />
    Task<int> Sync.Changes.IAccountChangeListener.AccountsChangedAsync(IReadOnlyCollection<string> accountIds, CancellationToken cancellationToken) =>
        NotifyAccountsAsync(accountIds, cancellationToken);

    /// <summary>Dropbox said (webhook) that these accounts changed: near-real-time channels on them run now.</summary>
    /// <param name="accountIds">Dropbox account ids.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>How many channels were woken.</returns>
    public async Task<int> NotifyAccountsAsync(IReadOnlyCollection<string> accountIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        if (!_started || accountIds.Count == 0)
        {
            return 0;
        }
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DocSyncDbContext>();
        var channels = await (from c in db.CollectionChannels.IgnoreQueryFilters()
                              join k in db.DropboxConnections.IgnoreQueryFilters() on c.ConnectionId equals k.Id
                              where accountIds.Contains(k.AccountId) && c.Enabled && c.NearRealTime && c.Problem == null && k.State == ConnectionState.Active
                              select new { c.Id, c.CompanyId }).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var channel in channels)
        {
            _ = Trigger(channel.Id, channel.CompanyId, CollectTrigger.RealTime);
        }
        return channels.Count;
    }

    /// <summary>
    /// Runs a channel now in a system scope of its company and returns the run (<see langword="null"/>
    /// when the connection is not active, or another run held the channel too long).
    /// </summary>
    /// <param name="companyId">The channel's company.</param>
    /// <param name="channelId">The channel.</param>
    /// <param name="trigger">What started it.</param>
    /// <param name="startedBy">Who, for a manual run.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <exception cref="ConflictException">The connection needs a new link (a manual run reports it).</exception>
    public async Task<CollectionRun?> RunAsync(Guid companyId, Guid channelId, CollectTrigger trigger, Guid? startedBy, CancellationToken cancellationToken)
    {
        CollectionRun? run;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            services.GetRequiredService<CompanyContext>().Enter(CompanyScope.System(companyId));
            var db = services.GetRequiredService<DocSyncDbContext>();
            var channel = await db.CollectionChannels.AsNoTracking().SingleOrDefaultAsync(c => c.Id == channelId, cancellationToken).ConfigureAwait(false);
            if (channel is null)
            {
                return null;
            }
            var connection = await db.DropboxConnections.AsNoTracking().SingleAsync(c => c.Id == channel.ConnectionId, cancellationToken).ConfigureAwait(false);
            if (connection.State != ConnectionState.Active)
            {
                if (trigger == CollectTrigger.Manual)
                {
                    throw new ConflictException("connectionId", "not-active",
                        $"The connection '{connection.Name}' is {(connection.State == ConnectionState.NeedsRelink ? "waiting for a new link" : "not active")}; nothing was collected.");
                }
                return null;
            }

            DropboxClient client;
            try
            {
                client = await clients.GetAsync(services.GetRequiredService<ConnectionService>(), connection, cancellationToken).ConfigureAwait(false);
            }
            catch (ConflictException) when (trigger != CollectTrigger.Manual)
            {
                return null;
            }

            try
            {
                run = await services.GetRequiredService<CollectRunner>().RunAsync(channelId, trigger, client, startedBy, cancellationToken).ConfigureAwait(false);
            }
            catch (ConnectionNeedsRelinkException e)
            {
                await relink.HandleAsync(SyncEngine.Collect, companyId, connection.Id, e).ConfigureAwait(false);
                if (trigger == CollectTrigger.Manual)
                {
                    throw new ConflictException("connectionId", "needs-relink", e.Message);
                }
                return null;
            }

            if (run is not null && trigger == CollectTrigger.Scheduled)
            {
                var now = time.GetUtcNow();
                var next = CollectSchedule.Next(channel.Schedule, channel.TimeZone, now);
                if (run.Outcome == CollectRunOutcome.Failed)
                {
                    // A run Dropbox failed is tried again after a backoff (growing while runs keep failing), not a day later.
                    var failedInARow = await db.CollectionRuns.AsNoTracking().Where(r => r.ChannelId == channelId && r.Trigger == CollectTrigger.Scheduled)
                        .OrderByDescending(r => r.StartedAt).Take(10).Select(r => r.Outcome).ToListAsync(CancellationToken.None).ConfigureAwait(false);
                    var retry = now + _retry.Delay(Math.Max(1, failedInARow.TakeWhile(o => o == CollectRunOutcome.Failed).Count()));
                    if (next is null || next > retry)
                    {
                        next = retry;
                    }
                }
                await db.CollectionChannels.Where(c => c.Id == channelId)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.NextRunAt, next), CancellationToken.None).ConfigureAwait(false);
            }
        }

        if (run is not null)
        {
            RunFinished?.Invoke(run);
            if (run.Waiting > 0 && _started && !_stopping.IsCancellationRequested)
            {
                // Files seen still changing are looked at again after the recheck delay, not at the next poll.
                _ = RecheckLaterAsync(companyId, channelId);
            }
        }
        return run;
    }

    private async Task RecheckLaterAsync(Guid companyId, Guid channelId)
    {
        try
        {
            await Task.Delay(_options.RecheckDelay, time, _stopping).ConfigureAwait(false);
            _ = Trigger(channelId, companyId, CollectTrigger.Recheck);
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Removes download copies a killed process left in the temp folder (a normal run deletes its own on close).</summary>
    private void CleanTemp()
    {
        try
        {
            foreach (var file in Directory.EnumerateFiles(Path.GetTempPath(), "docsync-collect-*"))
            {
                if (File.GetLastWriteTimeUtc(file) < DateTime.UtcNow.AddHours(-6))
                {
                    File.Delete(file);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogWorkerFailed(logger, e);
        }
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DocSyncDbContext>();
        var now = time.GetUtcNow();
        var channels = await (from c in db.CollectionChannels.IgnoreQueryFilters()
                              join k in db.DropboxConnections.IgnoreQueryFilters() on c.ConnectionId equals k.Id
                              where c.Enabled && c.Problem == null && k.State == ConnectionState.Active
                              select new { c.Id, c.CompanyId, c.NextRunAt, c.RecheckAt, c.NearRealTime })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var channel in channels)
        {
            if (channel.NextRunAt is { } next && next <= now)
            {
                _ = Trigger(channel.Id, channel.CompanyId, CollectTrigger.Scheduled);
            }
            else if (channel.RecheckAt is { } recheck && recheck <= now)
            {
                _ = Trigger(channel.Id, channel.CompanyId, CollectTrigger.Recheck);
            }
        }

        // One longpoll per near-real-time channel; channels no longer so lose theirs.
        var watched = channels.Where(c => c.NearRealTime).ToDictionary(c => c.Id, c => c.CompanyId);
        foreach (var (channelId, companyId) in watched)
        {
            if (!_watchers.ContainsKey(channelId))
            {
                var stop = CancellationTokenSource.CreateLinkedTokenSource(_stopping);
                _watchers[channelId] = (stop, Task.Run(() => WatchAsync(channelId, companyId, stop.Token), CancellationToken.None));
            }
        }
        foreach (var (channelId, watcher) in _watchers)
        {
            if (!watched.ContainsKey(channelId) && _watchers.TryRemove(channelId, out _))
            {
                await watcher.Stop.CancelAsync().ConfigureAwait(false);
            }
        }

        if (now - _lastPurge > TimeSpan.FromHours(1))
        {
            _lastPurge = now;
            var purged = await scope.ServiceProvider.GetRequiredService<CollectService>().PurgeHistoryAsync(cancellationToken).ConfigureAwait(false);
            if (purged > 0)
            {
                LogPurged(logger, purged);
            }
        }
    }

    /// <summary>Longpolls the channel's cursor; every change runs the channel (real time), then polls from the new cursor.</summary>
    private async Task WatchAsync(Guid channelId, Guid companyId, CancellationToken cancellationToken)
    {
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                string? cursor;
                DropboxClient client;
                await using (var scope = scopes.CreateAsyncScope())
                {
                    scope.ServiceProvider.GetRequiredService<CompanyContext>().Enter(CompanyScope.System(companyId));
                    var db = scope.ServiceProvider.GetRequiredService<DocSyncDbContext>();
                    var channel = await db.CollectionChannels.AsNoTracking().SingleOrDefaultAsync(c => c.Id == channelId, cancellationToken).ConfigureAwait(false);
                    if (channel is null)
                    {
                        return;
                    }
                    cursor = channel.Cursor;
                    var connection = await db.DropboxConnections.AsNoTracking().SingleAsync(c => c.Id == channel.ConnectionId, cancellationToken).ConfigureAwait(false);
                    client = await clients.GetAsync(scope.ServiceProvider.GetRequiredService<ConnectionService>(), connection, cancellationToken).ConfigureAwait(false);
                }

                if (cursor is null)
                {
                    // No cursor yet: a run lists the folder and keeps one.
                    await Trigger(channelId, companyId, CollectTrigger.RealTime).WaitAsync(cancellationToken).ConfigureAwait(false);
                    await Task.Delay(TimeSpan.FromSeconds(failures > 0 ? 5 : 1), time, cancellationToken).ConfigureAwait(false);
                    failures++;
                    continue;
                }

                var result = await client.LongpollAsync(cursor, _options.LongpollTimeout, cancellationToken).ConfigureAwait(false);
                failures = 0;
                if (result.Changes || result.IsReset)
                {
                    await Trigger(channelId, companyId, CollectTrigger.RealTime).WaitAsync(cancellationToken).ConfigureAwait(false);
                }
                if (result.Backoff is { } backoff)
                {
                    await Task.Delay(backoff, time, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                failures++;
                LogWatchFailed(logger, channelId, e.GetType().Name);
                try
                {
                    await Task.Delay(_watchBackoff.Delay(failures, (e as DropboxApiException)?.RetryAfter), time, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Asks for a run of the channel; the task completes when a run that started after the ask has ended.</summary>
    private Task Trigger(Guid channelId, Guid companyId, CollectTrigger trigger)
    {
        var flights = Volatile.Read(ref _flights);
        if (!_started || flights is null || _stopping.IsCancellationRequested)
        {
            return Task.CompletedTask;
        }
        _companies[channelId] = companyId;
        return flights.Wake(channelId, trigger);
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Error, Message = "The collect worker failed; it tries again")]
    private static partial void LogWorkerFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Error, Message = "A run of collection channel {ChannelId} failed")]
    private static partial void LogRunFailed(ILogger logger, Guid channelId, Exception exception);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Warning, Message = "Watching collection channel {ChannelId} failed ({Error}); trying again")]
    private static partial void LogWatchFailed(ILogger logger, Guid channelId, string error);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Information, Message = "Purged {Count} collection runs past their retention")]
    private static partial void LogPurged(ILogger logger, int count);
}
