using System.Text;
using System.Text.Json;
using DocSync.Dropbox.Emulator.Model;

namespace DocSync.Dropbox.Emulator.Persistence;

/// <summary>
/// Keeps the state under the data folder as a snapshot (<c>state.json</c>) and an append-only journal
/// (<c>state.journal</c>) of what changed since. Shortly after a change only the difference is
/// appended (one JSON line, fsync'd); when the journal outgrows the snapshot it is folded into a new
/// snapshot (temp file, fsync, rename) and a fresh journal starts. At start the snapshot is read and
/// its journal replayed; a torn last record (a crash mid-append) is dropped and cut off.
/// </summary>
public sealed class SnapshotStore : IAsyncDisposable
{
    /// <summary>The journal is folded into a new snapshot once it is larger than this and than the snapshot.</summary>
    public const long CompactionFloorBytes = 4L * 1024 * 1024;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false, Converters = { new StringSetConverter() } };
    private readonly EmulatorState _state;
    private readonly string _path;
    private readonly string _journalPath;
    private readonly Timer _timer;
    private readonly Lock _gate = new();
    private readonly long _compactionFloor;
    private bool _dirty;
    private long _epoch;
    private FileStream? _journal;
    private long _snapshotBytes;

    // What the files hold now, to write only the difference.
    private Dictionary<string, StoreImage> _stores = new(StringComparer.Ordinal);
    private byte[] _globals = [];

    public SnapshotStore(EmulatorState state, string directory)
        : this(state, directory, CompactionFloorBytes)
    {
    }

    internal SnapshotStore(EmulatorState state, string directory, long compactionFloor)
    {
        _state = state;
        _compactionFloor = compactionFloor;
        Directory.CreateDirectory(directory);
        _path = Path.Combine(directory, "state.json");
        _journalPath = Path.Combine(directory, "state.journal");
        _timer = new Timer(_ => Flush(), null, Timeout.Infinite, Timeout.Infinite);
        state.Mutated += OnMutated;
    }

    /// <summary>Journal records appended since start (tests and benchmarks read it).</summary>
    public int RecordsWritten { get; private set; }

    /// <summary>Snapshots written since start.</summary>
    public int SnapshotsWritten { get; private set; }

    /// <summary>Loads a saved state and replays its journal; false when there is none.</summary>
    public bool TryLoad()
    {
        lock (_gate)
        {
            if (!File.Exists(_path))
            {
                return false;
            }
            var snapshot = JsonSerializer.Deserialize<Snapshot>(File.ReadAllBytes(_path), Json)
                ?? throw new InvalidDataException($"{_path} is empty.");
            _snapshotBytes = new FileInfo(_path).Length;
            _epoch = snapshot.Epoch;
            var replayed = Replay(snapshot);
            lock (_state.Gate)
            {
                Restore(replayed);
                Remember(Capture());
            }
            return true;
        }
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

    /// <summary>Writes what changed since the last write (or a whole snapshot when there is none yet or the journal is due for folding).</summary>
    public void Flush()
    {
        lock (_gate)
        {
            _dirty = false;
            if (!File.Exists(_path))
            {
                Compact();
                return;
            }
            byte[] record;
            lock (_state.Gate)
            {
                var now = Capture();
                var delta = Diff(now);
                if (delta is null)
                {
                    return;
                }
                record = JsonSerializer.SerializeToUtf8Bytes(delta, Json);
                Advance(delta);
            }
            Append(record);
            if (_journal!.Length > _compactionFloor && _journal.Length > _snapshotBytes)
            {
                Compact();
            }
        }
    }

    /// <summary>Folds everything into a new snapshot and starts an empty journal for it.</summary>
    public void Compact()
    {
        lock (_gate)
        {
            var epoch = _epoch + 1;
            var temp = _path + ".tmp";
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                lock (_state.Gate)
                {
                    var now = Capture();
                    // Streamed to the file: a big state is never one big buffer in memory.
                    JsonSerializer.Serialize(stream, now with { Epoch = epoch }, Json);
                    Remember(now);
                }
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, _path, overwrite: true);
            _snapshotBytes = new FileInfo(_path).Length;
            _epoch = epoch;
            // A crash from here on finds the new snapshot with an older journal, which it ignores.
            _journal?.Dispose();
            _journal = null;
            StartJournal();
            SnapshotsWritten++;
        }
    }

    private void StartJournal()
    {
        var temp = _journalPath + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(JsonSerializer.SerializeToUtf8Bytes(new JournalHeader(_epoch), Json));
            stream.WriteByte((byte)'\n');
            stream.Flush(flushToDisk: true);
        }
        File.Move(temp, _journalPath, overwrite: true);
    }

    private void Append(byte[] record)
    {
        _journal ??= new FileStream(_journalPath, FileMode.Append, FileAccess.Write, FileShare.Read, 1 << 16);
        _journal.Write(record);
        _journal.WriteByte((byte)'\n');
        _journal.Flush(flushToDisk: true);
        RecordsWritten++;
    }

    /// <summary>The snapshot with its journal's records applied; a torn tail is cut off the file.</summary>
    private Snapshot Replay(Snapshot snapshot)
    {
        if (!File.Exists(_journalPath))
        {
            StartJournal();
            return snapshot;
        }
        var image = SnapshotImage.From(snapshot);
        long goodLength = 0;
        var valid = true;
        using (var stream = new FileStream(_journalPath, FileMode.Open, FileAccess.Read, FileShare.Read))
        {
            var first = true;
            foreach (var (line, end, complete) in Lines(stream))
            {
                if (!complete)
                {
                    break;
                }
                try
                {
                    if (first)
                    {
                        first = false;
                        var header = JsonSerializer.Deserialize<JournalHeader>(line, Json);
                        if (header is null || header.Epoch != snapshot.Epoch)
                        {
                            // A journal of an older snapshot (the crash came between the two renames).
                            valid = false;
                            break;
                        }
                    }
                    else
                    {
                        image.Apply(JsonSerializer.Deserialize<Delta>(line, Json) ?? throw new JsonException("Empty record."));
                    }
                    goodLength = end;
                }
                catch (JsonException)
                {
                    break;
                }
            }
            if (first)
            {
                valid = false;
            }
        }
        if (!valid)
        {
            StartJournal();
            return snapshot;
        }
        using (var stream = new FileStream(_journalPath, FileMode.Open, FileAccess.Write, FileShare.None))
        {
            if (stream.Length != goodLength)
            {
                // Drop a half-written last record so the next append starts on a clean line.
                stream.SetLength(goodLength);
                stream.Flush(flushToDisk: true);
            }
        }
        return image.ToSnapshot(snapshot.Epoch);
    }

    /// <summary>The journal's lines with the offset after each and whether it ended with a newline.</summary>
    private static IEnumerable<(byte[] Line, long End, bool Complete)> Lines(Stream stream)
    {
        var buffer = new MemoryStream();
        long offset = 0;
        int b;
        while ((b = stream.ReadByte()) >= 0)
        {
            offset++;
            if (b == '\n')
            {
                yield return (buffer.ToArray(), offset, true);
                buffer.SetLength(0);
            }
            else
            {
                buffer.WriteByte((byte)b);
            }
        }
        if (buffer.Length > 0)
        {
            yield return (buffer.ToArray(), offset, false);
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

    private static byte[] GlobalsOf(Snapshot snapshot) => JsonSerializer.SerializeToUtf8Bytes(snapshot with { Stores = [] }, Json);

    /// <summary>Keeps what the files now hold (the stores as maps; the small rest as its JSON).</summary>
    private void Remember(Snapshot written)
    {
        _stores = written.Stores.ToDictionary(s => s.NamespaceId, StoreImage.From, StringComparer.Ordinal);
        _globals = GlobalsOf(written);
    }

    /// <summary>Moves what the files hold forward by one record (cheaper than remembering everything again).</summary>
    private void Advance(Delta delta)
    {
        StoreImage.ApplyStores(_stores, delta);
        if (delta.Globals is { } globals)
        {
            _globals = GlobalsOf(globals);
        }
    }

    private Delta? Diff(Snapshot now)
    {
        var stores = new List<StoreDelta>();
        var removed = _stores.Keys.Where(id => now.Stores.All(s => s.NamespaceId != id)).ToList();
        foreach (var data in now.Stores)
        {
            var before = _stores.GetValueOrDefault(data.NamespaceId);
            if (before is not null && (data.Seq < before.Seq || data.Journal.Count < before.JournalCount))
            {
                // Not the same store any more (a reset reused its id): replace it whole.
                removed.Add(data.NamespaceId);
                before = null;
            }
            if (StoreImage.Diff(before, data) is { } delta)
            {
                stores.Add(delta);
            }
        }
        var globals = GlobalsOf(now);
        var globalsChanged = !globals.AsSpan().SequenceEqual(_globals);
        return stores.Count == 0 && removed.Count == 0 && !globalsChanged
            ? null
            : new Delta(stores, removed, globalsChanged ? now with { Stores = [] } : null);
    }

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
        lock (_gate)
        {
            _journal?.Dispose();
            _journal = null;
        }
        return ValueTask.CompletedTask;
    }
}
