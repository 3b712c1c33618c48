using DocSync.Core.Blobs;
using Microsoft.Extensions.Options;

namespace DocSync.Web.Hosting;

/// <summary>
/// Runs <see cref="BlobSweeper"/> every <see cref="BlobStoreOptions.SweepInterval"/> (the first time
/// one interval, at most 10 minutes, after start); off when the interval is zero. A failed sweep is
/// logged and the next one tries again.
/// </summary>
internal sealed partial class BlobSweepService(BlobSweeper sweeper, IOptions<BlobStoreOptions> options, TimeProvider time, ILogger<BlobSweepService> logger)
    : PeriodicService(time)
{
    protected override TimeSpan Interval => options.Value.SweepInterval;

    protected override TimeSpan FirstDelay => Interval < TimeSpan.FromMinutes(10) ? Interval : TimeSpan.FromMinutes(10);

    protected override Task RunOnceAsync(CancellationToken stoppingToken) => sweeper.SweepAsync(stoppingToken);

    protected override void Failed(Exception error) => SweepFailed(logger, error);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Error, Message = "The blob sweep failed; the next one tries again")]
    private static partial void SweepFailed(ILogger logger, Exception exception);
}
