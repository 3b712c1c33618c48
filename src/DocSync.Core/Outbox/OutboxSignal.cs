namespace DocSync.Core.Outbox;

/// <summary>
/// Wakes the sync worker the moment an outbox message is saved in this process (other instances
/// notice by polling). Many notifications before the worker wakes count as one.
/// </summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    /// <summary>Says that messages wait.</summary>
    public void Notify()
    {
        try
        {
            _pending.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: the worker will look once for all of them.
        }
    }

    /// <summary>Waits until notified or <paramref name="timeout"/> passed; true when notified.</summary>
    /// <param name="timeout">The longest wait.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _pending.WaitAsync(timeout, cancellationToken);
}
