using System.Collections.Concurrent;

namespace DocSync.Core.Collect;

/// <summary>
/// One run per channel in this process (the database lease keeps other instances out): a manual
/// run waits for a scheduled one to finish instead of racing it.
/// </summary>
public sealed class ChannelLocks
{
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _locks = new();

    /// <summary>Takes channel <paramref name="channelId"/>'s lock, waiting up to <paramref name="wait"/>; dispose the result to release it. <see langword="null"/> when it was not free in time.</summary>
    /// <param name="channelId">The channel.</param>
    /// <param name="wait">How long to wait.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public async Task<IDisposable?> TryTakeAsync(Guid channelId, TimeSpan wait, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd(channelId, _ => new SemaphoreSlim(1, 1));
        return await gate.WaitAsync(wait, cancellationToken).ConfigureAwait(false) ? new Release(gate) : null;
    }

    /// <summary>Whether a run of the channel is under way in this process.</summary>
    /// <param name="channelId">The channel.</param>
    public bool IsRunning(Guid channelId) => _locks.TryGetValue(channelId, out var gate) && gate.CurrentCount == 0;

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
