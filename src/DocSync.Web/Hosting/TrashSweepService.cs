using DocSync.Core.Files;
using Microsoft.Extensions.Options;

namespace DocSync.Web.Hosting;

/// <summary>
/// Runs <see cref="TrashSweeper"/> every <see cref="FilesOptions.TrashSweepInterval"/> (the first time a minute
/// after start); off when the interval is zero. A failed sweep is logged and the next one tries again.
/// </summary>
internal sealed partial class TrashSweepService(TrashSweeper sweeper, IOptions<FilesOptions> options, TimeProvider time, ILogger<TrashSweepService> logger)
    : PeriodicService(time)
{
    protected override TimeSpan Interval => options.Value.TrashSweepInterval;

    protected override TimeSpan FirstDelay => TimeSpan.FromMinutes(1);

    protected override Task RunOnceAsync(CancellationToken stoppingToken) => sweeper.SweepAsync(stoppingToken);

    protected override void Failed(Exception error) => SweepFailed(logger, error);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Error, Message = "The trash sweep failed; the next one tries again")]
    private static partial void SweepFailed(ILogger logger, Exception exception);
}
