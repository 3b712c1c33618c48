using DocSync.Core.Access;
using DocSync.Core.Connections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DocSync.Core.Sync;

/// <summary>
/// What every engine does when Dropbox refuses a connection's grant, once: forget the connection's
/// client, mark the connection as needing a new link (which tells its admins), log it. Queues,
/// ledgers and cursors are kept: after the new link everything carries on.
/// </summary>
public sealed partial class RelinkHandler(IServiceScopeFactory scopes, ConnectionClients clients, ILogger<RelinkHandler> logger)
{
    /// <summary>Handles <paramref name="refusal"/> for connection <paramref name="connectionId"/> of <paramref name="companyId"/>.</summary>
    /// <param name="engine">The engine that met it.</param>
    /// <param name="companyId">The company.</param>
    /// <param name="connectionId">The connection.</param>
    /// <param name="refusal">Dropbox's refusal.</param>
    public async Task HandleAsync(SyncEngine engine, Guid companyId, Guid connectionId, ConnectionNeedsRelinkException refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        LogNeedsRelink(logger, connectionId, engine, refusal.InnerException?.GetType().Name ?? "");
        clients.Forget(connectionId);
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CompanyContext>().Enter(CompanyScope.System(companyId));
        await scope.ServiceProvider.GetRequiredService<ConnectionService>().MarkNeedsRelinkAsync(connectionId, refusal.Message, CancellationToken.None).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning,
        Message = "Dropbox refused connection {ConnectionId} ({Engine}, {Reason}); it needs re-linking, its work is kept")]
    private static partial void LogNeedsRelink(ILogger logger, Guid connectionId, SyncEngine engine, string reason);
}
