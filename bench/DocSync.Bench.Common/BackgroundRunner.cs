namespace DocSync.Bench.Common;

/// <summary>
/// A worker's <c>RunAsync</c> running in the background of a bench, as DocSync.Web's hosted service
/// runs it (until stopped), stopped and awaited on dispose. A bench's runner subclasses it to tally
/// what the worker reports (its events), detaching in <see cref="OnStopped"/>.
/// </summary>
public abstract class BackgroundRunner : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task _running = Task.CompletedTask;

    /// <summary>Starts <paramref name="run"/> with the token that <see cref="DisposeAsync"/> cancels.</summary>
    protected void Start(Func<CancellationToken, Task> run) => _running = Task.Run(() => run(_stop.Token));

    /// <summary>After the worker stopped: detach from its events, release what the runner holds.</summary>
    protected virtual void OnStopped()
    {
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _running;
        OnStopped();
        _stop.Dispose();
        GC.SuppressFinalize(this);
    }
}
