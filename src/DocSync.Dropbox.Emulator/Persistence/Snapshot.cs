using DocSync.Dropbox.Emulator.Model;

namespace DocSync.Dropbox.Emulator.Persistence;

/// <summary>The whole emulator state (but file bytes, which live in the blob folder) as plain data.</summary>
internal sealed record Snapshot(
    int Version,
    long NamespaceCounter,
    List<StoreData> Stores,
    Dictionary<string, NamespaceLocation> Namespaces,
    List<Account> Accounts,
    List<TeamData> Teams,
    List<AppData> Apps,
    List<AccessToken> AccessTokens,
    List<RefreshGrant> RefreshTokens,
    List<SharedLink> SharedLinks,
    Dictionary<string, TemporaryLink> TemporaryLinks,
    List<string> ResetCursorLineages);

internal sealed record StoreData(
    string NamespaceId,
    List<NodeData> Nodes,
    List<FileVersion> Revisions,
    Dictionary<string, FileVersion> Tombstones,
    Dictionary<string, DateTimeOffset> DeletedAt,
    List<JournalEntry> Journal,
    long Seq,
    int Generation,
    long RevCounter);

internal sealed record NodeData(string Id, bool IsFolder, string PathLower, string PathDisplay, string? Rev);

internal sealed record TeamData(string TeamId, string Name, string RootNamespaceId, List<string> Members, long QuotaBytes);

internal sealed record AppData(string Key, string Secret, string Name, bool AppFolder, List<string> RedirectUris, string? WebhookUri, bool WebhookVerified);
