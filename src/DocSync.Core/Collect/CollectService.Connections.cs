using DocSync.Core.Companies;
using DocSync.Core.Connections;
using Microsoft.EntityFrameworkCore;

namespace DocSync.Core.Collect;

public sealed partial class CollectService
{
    /// <summary>
    /// The connections a channel can read through (every one not disconnected), for the channel form.
    /// People who configure collection need not manage connections (an accountant does not).
    /// </summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<IReadOnlyList<DropboxConnectionInfo>> ListConnectionsAsync(CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ConfigureCollection);
        var connections = await db.DropboxConnections.AsNoTracking().Where(c => c.State != ConnectionState.Disconnected)
            .OrderBy(c => c.Name).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. connections.Select(DropboxConnectionInfo.From)];
    }
}
