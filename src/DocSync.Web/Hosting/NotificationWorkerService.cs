using DocSync.Core.Notifications;
using Microsoft.Extensions.Options;

namespace DocSync.Web.Hosting;

/// <summary>Hosts the notification worker (notices, e-mail, digests) when <c>DocSync:Notifications:Enabled</c> is on.</summary>
public sealed class NotificationWorkerService(NotificationWorker worker, IOptions<NotificationOptions> options) : BackgroundService
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
