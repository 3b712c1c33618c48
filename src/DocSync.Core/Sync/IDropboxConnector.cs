using DocSync.Core.Connections;
using DocSync.Dropbox;

namespace DocSync.Core.Sync;

/// <summary>Makes Dropbox clients for connections: the host knows which Dropbox (the real one or the emulator) and how to reach it.</summary>
public interface IDropboxConnector
{
    /// <summary>A client acting for <paramref name="connection"/>, renewing its access from <paramref name="refreshToken"/> as needed.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="refreshToken">Its refresh token, in clear (held in memory only).</param>
    DropboxClient Connect(DropboxConnection connection, string refreshToken);
}
