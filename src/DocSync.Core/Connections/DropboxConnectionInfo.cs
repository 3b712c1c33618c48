namespace DocSync.Core.Connections;

/// <summary>A connection as people see it (no secret).</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">Its name.</param>
/// <param name="AccountEmail">The Dropbox account's e-mail.</param>
/// <param name="AccountName">The Dropbox account's display name.</param>
/// <param name="TeamId">The Dropbox team, if any.</param>
/// <param name="AppFolder">App-folder app.</param>
/// <param name="RootFolder">Folder DocSync works under.</param>
/// <param name="Emulated">Connected to the embedded emulator.</param>
/// <param name="State">Its state.</param>
/// <param name="LastError">Why it stopped.</param>
/// <param name="LastErrorAt">When it stopped.</param>
/// <param name="LinkedAt">When it was linked.</param>
public sealed record DropboxConnectionInfo(
    Guid Id,
    string Name,
    string AccountEmail,
    string AccountName,
    string? TeamId,
    bool AppFolder,
    string RootFolder,
    bool Emulated,
    ConnectionState State,
    string? LastError,
    DateTimeOffset? LastErrorAt,
    DateTimeOffset LinkedAt)
{
    internal static DropboxConnectionInfo From(DropboxConnection c) => new(c.Id, c.Name, c.AccountEmail, c.AccountName, c.TeamId, c.AppFolder,
        c.RootFolder, c.Emulated, c.State, c.LastError, c.LastErrorAt, c.LinkedAt);
}
