using DocSync.Core.Organizing;
using DocSync.Core.Reading;
using Microsoft.Extensions.Options;

namespace DocSync.Web.Hosting;

/// <summary>Hosts the background reading of uploaded inbox items when <c>DocSync:Reading:ReadInboxUploads</c> is on.</summary>
public sealed class InboxReaderService(InboxReader reader, IOptions<ReadingOptions> options) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.ReadInboxUploads)
        {
            return;
        }
        await Task.Yield();
        await reader.RunAsync(stoppingToken);
    }
}
