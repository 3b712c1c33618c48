using DocSync.Core.Collect;
using Microsoft.Extensions.Options;

namespace DocSync.Web.Hosting;

/// <summary>Hosts the collect worker (schedules, longpolls, rechecks) when <c>DocSync:Collect:Enabled</c> is on.</summary>
public sealed class CollectWorkerService(CollectWorker worker, IOptions<CollectOptions> options) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }
        await Task.Yield();
        await worker.RunAsync(stoppingToken);
    }
}
