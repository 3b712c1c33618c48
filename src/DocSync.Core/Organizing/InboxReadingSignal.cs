namespace DocSync.Core.Organizing;

/// <summary>Tells the inbox reader that an unread item arrived (uploads and API items are read in the background).</summary>
public sealed class InboxReadingSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    /// <summary>Wakes the reader (once, however often it is called before it looks).</summary>
    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another notification got there first: one wake is enough.
            }
        }
    }

    /// <summary>Waits for a notification or <paramref name="timeout"/>.</summary>
    /// <param name="timeout">The longest wait.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
