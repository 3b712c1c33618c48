using DocSync.Core.Export;

namespace DocSync.Web.Hosting;

/// <summary>Hosts the sync worker, and purges the sync log past each profile's retention once an hour.</summary>
public sealed class SyncWorkerService(SyncWorker worker, IServiceScopeFactory scopes, IConfiguration configuration, ILogger<SyncWorkerService> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("DocSync:Export:Enabled", true))
        {
            return;
        }
        await Task.Yield();
        var purge = PurgeHourlyAsync(stoppingToken);
        await worker.RunAsync(stoppingToken);
        await purge;
    }

    private async Task PurgeHourlyAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
        do
        {
            try
            {
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<ExportService>().PurgeLogAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Purging the sync log failed");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
