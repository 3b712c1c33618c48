using DocSync.Core.Access;
using DocSync.Core.Companies;
using DocSync.Core.Errors;
using DocSync.Core.Persistence;
using DocSync.Core.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DocSync.Core.Connections;

/// <summary>
/// The current company's Dropbox connections: link (or link again), pause, resume, mark for
/// re-linking, disconnect. Refresh tokens are encrypted by <see cref="ISecretProtector"/> before
/// they touch the database and are never logged. Needs <see cref="Right.ManageDropboxConnections"/>.
/// </summary>
public sealed class ConnectionService(DocSyncDbContext db, ICompanyContext company, ISecretProtector protector, TimeProvider time, ILogger<ConnectionService> logger)
{
    /// <summary>Every connection of the company, by name.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<IReadOnlyList<DropboxConnectionInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ManageDropboxConnections);
        var rows = await db.DropboxConnections.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.OrderBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase).Select(DropboxConnectionInfo.From).ToList();
    }

    /// <summary>One connection.</summary>
    /// <param name="connectionId">The connection.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<DropboxConnectionInfo> GetAsync(Guid connectionId, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ManageDropboxConnections);
        return DropboxConnectionInfo.From(await FindAsync(connectionId, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Links a Dropbox account under a name. The same name of a connection that needs re-linking or
    /// was disconnected links that connection again (its history stays); an active one of that name is a conflict.
    /// </summary>
    /// <param name="request">What the OAuth round trip yielded.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<DropboxConnectionInfo> LinkAsync(LinkRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        company.Demand(Right.ManageDropboxConnections);
        var errors = new List<ValidationError>();
        if (ConnectionRules.NameError(request.Name) is { } nameError)
        {
            errors.Add(new("name", "name", nameError));
        }

        if (ConnectionRules.RootFolderError(request.RootFolder) is { } rootError)
        {
            errors.Add(new("rootFolder", "root-folder", rootError));
        }

        if (string.IsNullOrEmpty(request.RefreshToken))
        {
            errors.Add(new("refreshToken", "required", "Dropbox gave no refresh token: the app must ask for offline access."));
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        var name = request.Name.Trim();
        var root = ConnectionRules.NormalizeRoot(request.RootFolder);
        var now = time.GetUtcNow();
        var actor = company.Actor.Id;
        var existing = (await db.DropboxConnections.ToListAsync(cancellationToken).ConfigureAwait(false))
            .FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
        if (existing is { State: ConnectionState.Active or ConnectionState.Paused })
        {
            throw new ConflictException("name", "name-taken", $"A connection named '{existing.Name}' is already linked; choose another name or disconnect it first.");
        }

        var connection = existing ?? new DropboxConnection
        {
            Id = Guid.CreateVersion7(now),
            CompanyId = company.CompanyId,
            Name = name,
            AccountId = request.AccountId,
            AccountEmail = request.AccountEmail,
            AccountName = request.AccountName,
            RootFolder = root,
            CreatedAt = now,
        };
        connection.AccountId = request.AccountId;
        connection.AccountEmail = request.AccountEmail;
        connection.AccountName = request.AccountName;
        connection.TeamId = request.TeamId;
        connection.AppFolder = request.AppFolder;
        connection.Emulated = request.Emulated;
        connection.RootFolder = root;
        connection.ProtectedRefreshToken = protector.Protect(request.RefreshToken);
        connection.State = ConnectionState.Active;
        connection.LastError = null;
        connection.LastErrorAt = null;
        connection.LinkedAt = now;
        connection.LinkedBy = actor;
        if (existing is null)
        {
            db.DropboxConnections.Add(connection);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        ConnectionsLog.Linked(logger, connection.Id, company.CompanyId, connection.AccountId);
        return DropboxConnectionInfo.From(connection);
    }

    /// <summary>
    /// The connection's refresh token in clear, for the engine. A token the key ring can no longer
    /// decrypt marks the connection <see cref="ConnectionState.NeedsRelink"/> and throws <see cref="ConflictException"/>.
    /// </summary>
    /// <param name="connectionId">The connection.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<string> RevealRefreshTokenAsync(Guid connectionId, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ManageDropboxConnections);
        var connection = await FindAsync(connectionId, cancellationToken).ConfigureAwait(false);
        if (connection.ProtectedRefreshToken is null || connection.State == ConnectionState.Disconnected)
        {
            throw new ConflictException("connectionId", "disconnected", "This connection is disconnected; link it again.");
        }

        if (!protector.TryUnprotect(connection.ProtectedRefreshToken, out var token))
        {
            await MarkNeedsRelinkAsync(connectionId, "The stored Dropbox grant can no longer be decrypted (the key ring changed); link the connection again.", cancellationToken).ConfigureAwait(false);
            throw new ConflictException("connectionId", "needs-relink", "The stored Dropbox grant can no longer be decrypted; link the connection again.");
        }

        return token;
    }

    /// <summary>Marks the connection as needing a new link (Dropbox refused its grant); it pauses, nothing queued is lost.</summary>
    /// <param name="connectionId">The connection.</param>
    /// <param name="reason">Why, for people.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task MarkNeedsRelinkAsync(Guid connectionId, string reason, CancellationToken cancellationToken = default)
    {
        // Saving the new state writes a notice event in the same transaction (Notifications.NoticeDetector):
        // the notification worker tells the people who may link it again, once.
        var connection = await FindAsync(connectionId, cancellationToken).ConfigureAwait(false);
        connection.State = ConnectionState.NeedsRelink;
        connection.LastError = reason;
        connection.LastErrorAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        ConnectionsLog.NeedsRelink(logger, connection.Id, company.CompanyId, reason);
    }

    /// <summary>Pauses or resumes an active connection.</summary>
    /// <param name="connectionId">The connection.</param>
    /// <param name="paused">Pause (<see langword="true"/>) or resume.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<DropboxConnectionInfo> SetPausedAsync(Guid connectionId, bool paused, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ManageDropboxConnections);
        var connection = await FindAsync(connectionId, cancellationToken).ConfigureAwait(false);
        if (connection.State is not (ConnectionState.Active or ConnectionState.Paused))
        {
            throw new ConflictException("connectionId", "not-linked", "Only a linked connection can be paused or resumed; link it again first.");
        }

        connection.State = paused ? ConnectionState.Paused : ConnectionState.Active;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return DropboxConnectionInfo.From(connection);
    }

    /// <summary>Erases the token and marks the connection disconnected (the caller revokes it at Dropbox first).</summary>
    /// <param name="connectionId">The connection.</param>
    /// <param name="note">What happened at Dropbox (e.g. the revoke failed), for people; null when all went well.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task DisconnectAsync(Guid connectionId, string? note = null, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ManageDropboxConnections);
        var connection = await FindAsync(connectionId, cancellationToken).ConfigureAwait(false);
        connection.ProtectedRefreshToken = null;
        connection.State = ConnectionState.Disconnected;
        connection.LastError = note;
        connection.LastErrorAt = note is null ? null : time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        ConnectionsLog.Disconnected(logger, connection.Id, company.CompanyId);
    }

    private async Task<DropboxConnection> FindAsync(Guid connectionId, CancellationToken cancellationToken) =>
        await db.DropboxConnections.SingleOrDefaultAsync(c => c.Id == connectionId, cancellationToken).ConfigureAwait(false)
        ?? throw new NotFoundException("connection", connectionId);
}
