namespace DocSync.Core.Connections;

/// <summary>What an OAuth round trip yields, to link (or link again) a connection.</summary>
/// <param name="Name">The company's name for the connection.</param>
/// <param name="RootFolder">The folder DocSync works under (normalised: leading slash, no trailing slash; empty is the root).</param>
/// <param name="AccountId">Dropbox account id.</param>
/// <param name="AccountEmail">Its e-mail.</param>
/// <param name="AccountName">Its display name.</param>
/// <param name="TeamId">Its team, if any.</param>
/// <param name="AppFolder">App-folder app.</param>
/// <param name="Emulated">The embedded emulator.</param>
/// <param name="RefreshToken">The refresh token (encrypted before it is stored).</param>
public sealed record LinkRequest(
    string Name,
    string RootFolder,
    string AccountId,
    string AccountEmail,
    string AccountName,
    string? TeamId,
    bool AppFolder,
    bool Emulated,
    string RefreshToken)
{
    /// <inheritdoc />
    public override string ToString() => $"LinkRequest {{ Name = {Name}, AccountId = {AccountId} }}";
}
