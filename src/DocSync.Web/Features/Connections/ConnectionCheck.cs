using DocSync.Core.Connections;
using DocSync.Core.Errors;
using DocSync.Dropbox;

namespace DocSync.Web.Features.Connections;

/// <summary>What a connection check found.</summary>
public enum CheckOutcome
{
    /// <summary>The grant works: DocSync renewed access and read the account.</summary>
    Healthy = 1,

    /// <summary>Dropbox refused the grant (revoked or expired) or it no longer decrypts; the connection now needs re-linking.</summary>
    NeedsRelink = 2,

    /// <summary>Dropbox could not be reached or answered with a passing error; nothing changed.</summary>
    Unreachable = 3,
}

/// <summary>
/// Checks a connection the way the engine will use it: renew an access token from the stored grant
/// and read the account. A refusal marks the connection "needs re-link" (it pauses and the company's
/// admins see it in the UI); a network failure changes nothing.
/// </summary>
public sealed class ConnectionCheck(ConnectionService connections, DropboxApp dropbox)
{
    /// <summary>Checks <paramref name="connectionId"/>.</summary>
    /// <param name="connectionId">The connection.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    public async Task<CheckOutcome> CheckAsync(Guid connectionId, CancellationToken cancellationToken)
    {
        string refreshToken;
        try
        {
            refreshToken = await connections.RevealRefreshTokenAsync(connectionId, cancellationToken);
        }
        catch (ConflictException)
        {
            return CheckOutcome.NeedsRelink;
        }

        if (!dropbox.Available)
        {
            return CheckOutcome.Unreachable;
        }

        try
        {
            var client = await dropbox.ClientFromGrantAsync(refreshToken, cancellationToken);
            await client.GetCurrentAccountAsync(cancellationToken);
            return CheckOutcome.Healthy;
        }
        catch (Exception refused) when (refused is DropboxAuthException || refused is DropboxApiException { IsTransient: false, StatusCode: 400 or 401 })
        {
            await connections.MarkNeedsRelinkAsync(connectionId, "Dropbox refused DocSync's access (it was revoked or has expired); link the connection again.", cancellationToken);
            return CheckOutcome.NeedsRelink;
        }
        catch (Exception failure) when (failure is DropboxApiException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return CheckOutcome.Unreachable;
        }
    }
}
