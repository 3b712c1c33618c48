using System.Text.Json;
using DocSync.Dropbox.Emulator.Model;

namespace DocSync.Dropbox.Emulator.Persistence;

/// <summary>
/// Keeps the state in <c>state.json</c> under the data folder: written (temp file, fsync, rename)
/// shortly after each change and on shutdown, read back at start.
/// </summary>
public sealed class SnapshotStore : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false, Converters = { new StringSetConverter() } };
    private readonly EmulatorState _state;
    private readonly string _path;
    private readonly Timer _timer;
    private readonly Lock _gate = new();
    private bool _dirty;

    public SnapshotStore(EmulatorState state, string directory)
    {
        _state = state;
        Directory.CreateDirectory(directory);
        _path = Path.Combine(directory, "state.json");
        _timer = new Timer(_ => Flush(), null, Timeout.Infinite, Timeout.Infinite);
        state.Mutated += OnMutated;
    }

    /// <summary>Loads a saved state; false when there is none.</summary>
    public bool TryLoad()
    {
        if (!File.Exists(_path))
        {
            return false;
        }
        var snapshot = JsonSerializer.Deserialize<Snapshot>(File.ReadAllBytes(_path), Json)
            ?? throw new InvalidDataException($"{_path} is empty.");
        lock (_state.Gate)
        {
            Restore(snapshot);
        }
        return true;
    }

    private void OnMutated()
    {
        lock (_gate)
        {
            if (!_dirty)
            {
                _dirty = true;
                _timer.Change(250, Timeout.Infinite);
            }
        }
    }

    public void Flush()
    {
        lock (_gate)
        {
            _dirty = false;
            byte[] bytes;
            lock (_state.Gate)
            {
                bytes = JsonSerializer.SerializeToUtf8Bytes(Capture(), Json);
            }
            var temp = _path + ".tmp";
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, _path, overwrite: true);
        }
    }

    private Snapshot Capture() => new(
        1,
        _state.Namespaces.Keys.Select(long.Parse).DefaultIfEmpty(1_000_000).Max(),
        _state.Stores.Values.Select(s => new StoreData(
            s.NamespaceId,
            s.ById.Values.Select(n => new NodeData(n.Id, n.IsFolder, n.PathLower, n.PathDisplay, n.Current?.Rev)).ToList(),
            s.Revisions.Values.ToList(),
            new Dictionary<string, FileVersion>(s.Tombstones),
            new Dictionary<string, DateTimeOffset>(s.DeletedAt),
            s.Journal.ToList(),
            s.Seq,
            s.Generation,
            s.RevCounter)).ToList(),
        new Dictionary<string, NamespaceLocation>(_state.Namespaces),
        _state.Accounts.Values.ToList(),
        _state.Teams.Values.Select(t => new TeamData(t.TeamId, t.Name, t.RootNamespaceId, t.MemberAccountIds.ToList(), t.QuotaBytes)).ToList(),
        _state.Apps.Values.Select(a => new AppData(a.Key, a.Secret, a.Name, a.AppFolder, a.RedirectUris.ToList(), a.WebhookUri, a.WebhookVerified)).ToList(),
        _state.AccessTokens.Values.ToList(),
        _state.RefreshTokens.Values.ToList(),
        _state.SharedLinks.Values.ToList(),
        new Dictionary<string, TemporaryLink>(_state.TemporaryLinks),
        _state.ResetCursorLineages.ToList());

    private void Restore(Snapshot snapshot)
    {
        _state.Reset(keepBlobs: true);
        _state.RestoreNamespaceCounter(snapshot.NamespaceCounter);
        foreach (var data in snapshot.Stores)
        {
            var store = new Store(data.NamespaceId);
            var revisions = data.Revisions.ToDictionary(r => r.Rev, StringComparer.Ordinal);
            foreach (var version in data.Revisions)
            {
                store.Revisions[version.Rev] = version;
                if (!store.History.TryGetValue(version.FileId, out var history))
                {
                    history = [];
                    store.History[version.FileId] = history;
                }
                history.Add(version);
            }
            foreach (var node in data.Nodes.OrderBy(n => n.PathLower, StringComparer.Ordinal))
            {
                store.Add(new Node
                {
                    Id = node.Id,
                    IsFolder = node.IsFolder,
                    PathLower = node.PathLower,
                    PathDisplay = node.PathDisplay,
                    Current = node.Rev is null ? null : revisions[node.Rev] with { PathDisplay = node.PathDisplay },
                });
            }
            store.RestoreJournal(data.Journal, data.Seq);
            foreach (var (key, value) in data.Tombstones)
            {
                store.Tombstones[key] = value;
            }
            foreach (var (key, value) in data.DeletedAt)
            {
                store.DeletedAt[key] = value;
            }
            store.Generation = data.Generation;
            store.RevCounter = data.RevCounter;
            _state.Stores[store.NamespaceId] = store;
        }
        foreach (var (key, value) in snapshot.Namespaces)
        {
            _state.Namespaces[key] = value;
        }
        foreach (var account in snapshot.Accounts)
        {
            _state.Accounts[account.AccountId] = account;
        }
        foreach (var data in snapshot.Teams)
        {
            var team = new Team { TeamId = data.TeamId, Name = data.Name, RootNamespaceId = data.RootNamespaceId, QuotaBytes = data.QuotaBytes };
            team.MemberAccountIds.AddRange(data.Members);
            _state.Teams[team.TeamId] = team;
        }
        foreach (var data in snapshot.Apps)
        {
            var app = new AppRegistration { Key = data.Key, Secret = data.Secret, Name = data.Name, AppFolder = data.AppFolder, WebhookUri = data.WebhookUri, WebhookVerified = data.WebhookVerified };
            app.RedirectUris.AddRange(data.RedirectUris);
            _state.Apps[app.Key] = app;
        }
        foreach (var token in snapshot.AccessTokens)
        {
            _state.AccessTokens[token.Token] = token;
        }
        foreach (var token in snapshot.RefreshTokens)
        {
            _state.RefreshTokens[token.Token] = token;
        }
        foreach (var link in snapshot.SharedLinks)
        {
            _state.SharedLinks[link.Url] = link;
        }
        foreach (var (key, value) in snapshot.TemporaryLinks)
        {
            _state.TemporaryLinks[key] = value;
        }
        _state.ResetCursorLineages.UnionWith(snapshot.ResetCursorLineages);
    }

    public ValueTask DisposeAsync()
    {
        _state.Mutated -= OnMutated;
        _timer.Dispose();
        Flush();
        return ValueTask.CompletedTask;
    }
}
