namespace DocSync.Dropbox.Emulator.Model;

/// <summary>
/// A storage namespace: one tree of nodes, its change journal, its revisions and its commit lock.
/// A user's home, an app folder and a team space are all views into a store.
/// </summary>
public sealed class Store(string namespaceId)
{
    private readonly SortedSet<string> _keys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Node> _byPath = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Node> _byId = new(StringComparer.Ordinal);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string NamespaceId { get; } = namespaceId;

    /// <summary>Every revision ever written, by rev.</summary>
    public Dictionary<string, FileVersion> Revisions { get; } = new(StringComparer.Ordinal);

    /// <summary>Revisions per file id, oldest first.</summary>
    public Dictionary<string, List<FileVersion>> History { get; } = new(StringComparer.Ordinal);

    /// <summary>The last file that lived at a now-empty path (lower-cased), for include_deleted and restore.</summary>
    public Dictionary<string, FileVersion> Tombstones { get; } = new(StringComparer.Ordinal);

    /// <summary>When each tombstoned path was deleted.</summary>
    public Dictionary<string, DateTimeOffset> DeletedAt { get; } = new(StringComparer.Ordinal);

    /// <summary>Change journal: sequence number and lower-cased path of every change, oldest first.</summary>
    public List<JournalEntry> Journal { get; } = [];

    public long Seq { get; private set; }

    /// <summary>Bumped to invalidate every cursor of this store (answered with <c>reset</c>).</summary>
    public int Generation { get; set; } = 1;

    /// <summary>The namespace lock that serialises commits, as Dropbox's does.</summary>
    public SemaphoreSlim CommitLock { get; } = new(1, 1);

    public long RevCounter { get; set; }

    public long UsedBytes { get; private set; }

    public IReadOnlyDictionary<string, Node> ById => _byId;

    public int Count => _byPath.Count;

    /// <summary>Completes at the next change; longpoll waits on it.</summary>
    public Task ChangedSignal => _changed.Task;

    public Node? Get(string pathLower) => _byPath.GetValueOrDefault(pathLower);

    public Node? GetById(string id) => _byId.GetValueOrDefault(id);

    public void Add(Node node)
    {
        _byPath.Add(node.PathLower, node);
        _keys.Add(node.PathLower);
        _byId[node.Id] = node;
        UsedBytes += node.Current?.Size ?? 0;
        Record(node.PathLower, node.PathDisplay);
    }

    public void Remove(Node node)
    {
        _byPath.Remove(node.PathLower);
        _keys.Remove(node.PathLower);
        _byId.Remove(node.Id);
        UsedBytes -= node.Current?.Size ?? 0;
    }

    /// <summary>Replaces a file's content with a new version in place.</summary>
    public void SetVersion(Node node, FileVersion version)
    {
        UsedBytes += version.Size - (node.Current?.Size ?? 0);
        node.Current = version;
        Record(node.PathLower, node.PathDisplay);
    }

    /// <summary>Every node strictly below <paramref name="folderLower"/> ("" is the root), in ordinal path order.</summary>
    public IEnumerable<Node> Descendants(string folderLower, string? afterKey = null)
    {
        var lower = folderLower + "/";
        var upper = folderLower + "0"; // '0' follows '/' in ordinal order
        if (afterKey is not null && string.CompareOrdinal(afterKey, lower) >= 0)
        {
            lower = afterKey;
        }
        if (string.CompareOrdinal(lower, upper) > 0)
        {
            yield break;
        }
        foreach (var key in _keys.GetViewBetween(lower, upper))
        {
            if (afterKey is not null && key == afterKey)
            {
                continue;
            }
            yield return _byPath[key];
        }
    }

    public IEnumerable<Node> Children(string folderLower) =>
        Descendants(folderLower).Where(n => n.PathLower.LastIndexOf('/') == folderLower.Length);

    /// <summary>Appends a change to the journal and wakes longpollers.</summary>
    public void Record(string pathLower, string pathDisplay)
    {
        Seq++;
        Journal.Add(new JournalEntry(Seq, pathLower, pathDisplay));
        var previous = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        previous.TrySetResult();
    }

    /// <summary>Wakes longpollers without a change (e.g. after a cursor reset).</summary>
    public void Wake()
    {
        var previous = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        previous.TrySetResult();
    }

    /// <summary>Journal entries after <paramref name="seq"/> (binary search: the journal is ordered).</summary>
    public IEnumerable<JournalEntry> JournalAfter(long seq)
    {
        var low = 0;
        var high = Journal.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (Journal[mid].Seq <= seq)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }
        for (var i = low; i < Journal.Count; i++)
        {
            yield return Journal[i];
        }
    }

    /// <summary>Replaces the journal with a saved one (after nodes were re-added on load).</summary>
    public void RestoreJournal(IEnumerable<JournalEntry> journal, long seq)
    {
        Journal.Clear();
        Journal.AddRange(journal);
        Seq = seq;
    }

    /// <summary>Re-keys a node after a move; the caller moves descendants too.</summary>
    public void Rekey(Node node, string newLower, string newDisplay)
    {
        _byPath.Remove(node.PathLower);
        _keys.Remove(node.PathLower);
        node.PathLower = newLower;
        node.PathDisplay = newDisplay;
        _byPath.Add(newLower, node);
        _keys.Add(newLower);
    }
}

/// <summary>One change: the path that changed (its state now is what a cursor reports).</summary>
public sealed record JournalEntry(long Seq, string PathLower, string PathDisplay);
