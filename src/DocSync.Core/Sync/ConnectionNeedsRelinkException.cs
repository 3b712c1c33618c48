namespace DocSync.Core.Sync;

/// <summary>Dropbox refused the connection's grant: the connection needs linking again; nothing queued is lost.</summary>
/// <param name="message">Why (for people).</param>
/// <param name="inner">Dropbox's refusal.</param>
public sealed class ConnectionNeedsRelinkException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>What every engine says when Dropbox refuses a connection's grant.</summary>
    public const string Refused = "Dropbox refused DocSync's access (it was revoked or has expired); link the connection again.";

    /// <summary>The refusal, worded once for every engine.</summary>
    /// <param name="inner">Dropbox's refusal.</param>
    public static ConnectionNeedsRelinkException From(Exception? inner) => new(Refused, inner);
}
