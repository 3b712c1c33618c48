using DocSync.Core.Blobs;
using Microsoft.Extensions.Options;

namespace DocSync.Web.Hosting;

/// <summary>
/// Runs <see cref="BlobSweeper"/> every <see cref="BlobStoreOptions.SweepInterval"/> (the first time
/// one interval, at most 10 minutes, after start); off when the interval is zero. A failed sweep is
/// logged and the next one tries again.
/// </summary>
internal sealed partial class BlobSweepService(BlobSweeper sweeper, IOptions<BlobStoreOptions> options, TimeProvider time, ILogger<BlobSweepService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.SweepInterval;
        if (interval == TimeSpan.Zero)
        {
            return;
        }

        var delay = interval < TimeSpan.FromMinutes(10) ? interval : TimeSpan.FromMinutes(10);
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

    [LoggerMessage(EventId = 6003, Level = LogLevel.Error, Message = "The blob sweep failed; the next one tries again")]
    private static partial void SweepFailed(ILogger logger, Exception exception);
}
