namespace DocSync.Web.Hosting;

/// <summary>
/// A background job run every <see cref="Interval"/> (the first time after <see cref="FirstDelay"/>); off
/// when the interval is zero. A failed run is reported through <see cref="Failed"/> and the next one
/// tries again; stopping the host ends the wait.
/// </summary>
/// <param name="time">The clock the waits follow.</param>
internal abstract class PeriodicService(TimeProvider time) : BackgroundService
{
    /// <summary>Time between runs; zero turns the job off.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>The wait before the first run.</summary>
    protected abstract TimeSpan FirstDelay { get; }

    /// <summary>One run.</summary>
    /// <param name="stoppingToken">Fires when the host stops.</param>
    protected abstract Task RunOnceAsync(CancellationToken stoppingToken);

    /// <summary>Logs a failed run.</summary>
    /// <param name="error">What went wrong.</param>
    protected abstract void Failed(Exception error);

    /// <inheritdoc />
    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = Interval;
        if (interval == TimeSpan.Zero)
        {
            return;
        }

        var delay = FirstDelay;
        try
        {
            while (true)
            {
                await Task.Delay(delay, time, stoppingToken);
                delay = interval;
                try
                {
                    await RunOnceAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    Failed(e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
