using System.Collections.Concurrent;
using DocSync.Core.Connections;
using DocSync.Dropbox;

namespace DocSync.Core.Sync;

/// <summary>
/// Dropbox clients for connections, one per connection for every engine, kept while the connection's
/// grant stays the same (one token renewal serves every run of every engine); forgotten when Dropbox
/// refuses the grant.
/// </summary>
public sealed class ConnectionClients(IDropboxConnector connector)
{
    private readonly ConcurrentDictionary<Guid, (string Grant, DropboxClient Client)> _clients = new();

    /// <summary>A client for <paramref name="connection"/> (of the company <paramref name="connections"/> is scoped to).</summary>
    /// <param name="connections">The connection service of the current company.</param>
    /// <param name="connection">The connection.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="Errors.ConflictException">The connection is gone or its grant cannot be read (it is then marked for re-linking).</exception>
    public async Task<DropboxClient> GetAsync(ConnectionService connections, DropboxConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(connection);
        var grant = connection.ProtectedRefreshToken ?? "";
        if (_clients.TryGetValue(connection.Id, out var cached) && cached.Grant == grant)
        {
            return cached.Client;
        }
        var token = await connections.RevealRefreshTokenAsync(connection.Id, cancellationToken).ConfigureAwait(false);
        var client = connector.Connect(connection, token);
        _clients[connection.Id] = (grant, client);
        return client;
    }

    /// <summary>Drops the client of a connection (after Dropbox refused its grant).</summary>
    /// <param name="connectionId">The connection.</param>
    public void Forget(Guid connectionId) => _clients.TryRemove(connectionId, out _);
}
