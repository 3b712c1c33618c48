using DocSync.Dropbox.Emulator.Model;

namespace DocSync.Dropbox.Emulator.Persistence;

/// <summary>
/// The whole emulator state (but file bytes, which live in the blob folder) as plain data.
/// <see cref="Epoch"/> names the journal that continues it.
/// </summary>
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
    List<string> ResetCursorLineages,
    long Epoch = 0);

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

/// <summary>The first line of a journal: the snapshot epoch it continues.</summary>
internal sealed record JournalHeader(long Epoch);

/// <summary>
/// One journal record: what changed since the record before it. Stores carry only the nodes,
/// revisions, tombstones and change-journal entries that changed; the small rest of the state
/// (accounts, apps, tokens, links) comes whole, and only when it changed.
/// </summary>
internal sealed record Delta(List<StoreDelta> Stores, List<string> RemovedStores, Snapshot? Globals);

internal sealed record StoreDelta(
    string NamespaceId,
    List<NodeData> Nodes,
    List<string> RemovedNodes,
    List<FileVersion> Revisions,
    List<string> RemovedRevisions,
    Dictionary<string, FileVersion> Tombstones,
    List<string> RemovedTombstones,
    Dictionary<string, DateTimeOffset> DeletedAt,
    List<string> RemovedDeletedAt,
    List<JournalEntry> Journal,
    long Seq,
    int Generation,
    long RevCounter);
