namespace DocSync.Core.Connections;

/// <summary>Where a Dropbox connection stands.</summary>
public enum ConnectionState
{
    /// <summary>Linked and working.</summary>
    Active = 1,

    /// <summary>Paused by a person; nothing is sent or fetched, nothing queued is lost.</summary>
    Paused = 2,

    /// <summary>Dropbox refused the stored grant (revoked, expired, or the secret no longer decrypts): a person must link it again.</summary>
    NeedsRelink = 3,

    /// <summary>Disconnected: the token was revoked at Dropbox and erased here.</summary>
    Disconnected = 4,
}
