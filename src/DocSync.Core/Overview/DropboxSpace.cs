using DocSync.Core.Sync;
using System.Collections.Concurrent;
using DocSync.Core.Connections;
using DocSync.Core.Export;
using DocSync.Dropbox;
using Microsoft.Extensions.Logging;

namespace DocSync.Core.Overview;

/// <summary>
/// Each connection's Dropbox space (<c>users/get_space_usage</c>), kept for a short while so the
/// overview never waits long on Dropbox: an answer is kept <see cref="Fresh"/>, a failure
/// <see cref="RetryAfterFailure"/>; a page waits at most <see cref="Budget"/> for a fetch (which then
/// goes on and serves the next look) and shows the space as unknown meanwhile.
/// </summary>
public sealed partial class DropboxSpace(IDropboxConnector connector, ISecretProtector protector, TimeProvider time, ILogger<DropboxSpace> logger)
{
    /// <summary>How long an answer is used before Dropbox is asked again.</summary>
    public static readonly TimeSpan Fresh = TimeSpan.FromMinutes(10);

    /// <summary>How long after a failure Dropbox is asked again.</summary>
    public static readonly TimeSpan RetryAfterFailure = TimeSpan.FromMinutes(1);

    /// <summary>How long a page waits for Dropbox.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

    /// <summary>How long one fetch may take at all.</summary>
    public static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(20);

    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();

    /// <summary>The connection's space, from the cache or from Dropbox within <see cref="Budget"/>; <see langword="null"/> when unknown.</summary>
    /// <param name="connection">The connection (linked, with a grant).</param>
    /// <param name="cancellationToken">Stops waiting (the fetch goes on for the next look).</param>
    public async Task<DropboxSpaceFigure?> GetAsync(DropboxConnection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var grant = connection.ProtectedRefreshToken;
        if (grant is null || connection.State is ConnectionState.Disconnected or ConnectionState.NeedsRelink)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var entry = _entries.AddOrUpdate(connection.Id,
            _ => Start(connection, grant, now, null),
            (_, old) => old.Grant == grant && !old.Due(now) ? old : Start(connection, grant, now, old));
        if (entry.Fetch.IsCompleted)
        {
            return entry.Fetch.Result ?? entry.Previous;
        }

        try
        {
            return await entry.Fetch.WaitAsync(Budget, time, cancellationToken).ConfigureAwait(false) ?? entry.Previous;
        }
        catch (TimeoutException)
        {
            return entry.Previous;
        }
    }

    /// <summary>Forgets what is known of a connection (after it was linked again).</summary>
    /// <param name="connectionId">The connection.</param>
    public void Forget(Guid connectionId) => _entries.TryRemove(connectionId, out _);

    private Entry Start(DropboxConnection connection, string grant, DateTimeOffset now, Entry? old)
    {
        var previous = old is not null && old.Grant == grant ? (old.Fetch.IsCompletedSuccessfully ? old.Fetch.Result : null) ?? old.Previous : null;
        var entry = new Entry(grant, now, previous);
        entry.Fetch = FetchAsync(connection, grant, entry);
        return entry;
    }

    private async Task<DropboxSpaceFigure?> FetchAsync(DropboxConnection connection, string grant, Entry entry)
    {
        await Task.Yield();
        try
        {
            if (!protector.TryUnprotect(grant, out var token))
            {
                entry.Failed = true;
                return null;
            }

            using var timeout = new CancellationTokenSource(FetchTimeout);
            var client = connector.Connect(connection, token);
            var usage = await client.GetSpaceUsageAsync(timeout.Token).ConfigureAwait(false);
            return new DropboxSpaceFigure(usage.Used, usage.Allocation.Allocated, time.GetUtcNow());
        }
        catch (Exception e) when (e is DropboxApiException or HttpRequestException or OperationCanceledException or IOException or InvalidOperationException)
        {
            entry.Failed = true;
            LogFailed(logger, connection.Id, e.Message);
            return null;
        }
    }

    [LoggerMessage(EventId = 9101, Level = LogLevel.Information, Message = "Dropbox space of connection {ConnectionId} unknown: {Reason}")]
    private static partial void LogFailed(ILogger logger, Guid connectionId, string reason);

    private sealed class Entry(string grant, DateTimeOffset startedAt, DropboxSpaceFigure? previous)
    {
        public string Grant { get; } = grant;

        public DropboxSpaceFigure? Previous { get; } = previous;

        public Task<DropboxSpaceFigure?> Fetch { get; set; } = Task.FromResult<DropboxSpaceFigure?>(null);

        public bool Failed { get; set; }

        public bool Due(DateTimeOffset now) =>
            Fetch.IsCompleted && now - startedAt >= (Failed ? RetryAfterFailure : Fresh);
    }
}
