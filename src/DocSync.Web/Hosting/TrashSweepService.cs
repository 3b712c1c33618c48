using DocSync.Core.Files;
using Microsoft.Extensions.Options;

namespace DocSync.Web.Hosting;

/// <summary>
/// Runs <see cref="TrashSweeper"/> every <see cref="FilesOptions.TrashSweepInterval"/> (the first time a minute
/// after start); off when the interval is zero. A failed sweep is logged and the next one tries again.
/// </summary>
internal sealed partial class TrashSweepService(TrashSweeper sweeper, IOptions<FilesOptions> options, TimeProvider time, ILogger<TrashSweepService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.TrashSweepInterval;
        if (interval == TimeSpan.Zero)
        {
            return;
        }

        var delay = TimeSpan.FromMinutes(1);
        try
        {
            while (true)
            {
                await Task.Delay(delay, time, stoppingToken);
                delay = interval;
                try
                {
                    await sweeper.SweepAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    SweepFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    [LoggerMessage(EventId = 6004, Level = LogLevel.Error, Message = "The trash sweep failed; the next one tries again")]
    private static partial void SweepFailed(ILogger logger, Exception exception);
}
