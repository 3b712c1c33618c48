using DocSync.Dropbox.Emulator.Model;

namespace DocSync.Dropbox.Emulator.Persistence;

/// <summary>A store as plain maps: what a snapshot or journal holds, and what a journal record changes.</summary>
internal sealed class StoreImage
{
    public required string NamespaceId { get; init; }

    public Dictionary<string, NodeData> Nodes { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, FileVersion> Revisions { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, FileVersion> Tombstones { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, DateTimeOffset> DeletedAt { get; } = new(StringComparer.Ordinal);

    public List<JournalEntry> Journal { get; } = [];

    public int JournalCount => Journal.Count;

    public long Seq { get; set; }

    public int Generation { get; set; }

    public long RevCounter { get; set; }

    public static StoreImage From(StoreData data)
    {
        var image = new StoreImage { NamespaceId = data.NamespaceId, Seq = data.Seq, Generation = data.Generation, RevCounter = data.RevCounter };
        foreach (var node in data.Nodes)
        {
            image.Nodes[node.Id] = node;
        }
        foreach (var version in data.Revisions)
        {
            image.Revisions[version.Rev] = version;
        }
        foreach (var (key, value) in data.Tombstones)
        {
            image.Tombstones[key] = value;
        }
        foreach (var (key, value) in data.DeletedAt)
        {
            image.DeletedAt[key] = value;
        }
        image.Journal.AddRange(data.Journal);
        return image;
    }

    public StoreData ToData() => new(NamespaceId, [.. Nodes.Values], [.. Revisions.Values], new(Tombstones), new(DeletedAt), [.. Journal], Seq, Generation, RevCounter);

    /// <summary>What changed from <paramref name="before"/> (null: nothing was written of this store) to <paramref name="now"/>; null when nothing did.</summary>
    public static StoreDelta? Diff(StoreImage? before, StoreData now)
    {
        var nodes = new List<NodeData>();
        var nowIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in now.Nodes)
        {
            nowIds.Add(node.Id);
            if (before is null || !before.Nodes.TryGetValue(node.Id, out var old) || old != node)
            {
                nodes.Add(node);
            }
        }
        var removedNodes = before?.Nodes.Keys.Where(id => !nowIds.Contains(id)).ToList() ?? [];

        var revisions = now.Revisions.Where(r => before is null || !before.Revisions.ContainsKey(r.Rev)).ToList();
        var removedRevisions = before is null || before.Revisions.Count + revisions.Count == now.Revisions.Count
            ? []
            : before.Revisions.Keys.Except(now.Revisions.Select(r => r.Rev), StringComparer.Ordinal).ToList();

        var tombstones = now.Tombstones.Where(t => before is null || !before.Tombstones.TryGetValue(t.Key, out var old) || old != t.Value)
            .ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
        var removedTombstones = before?.Tombstones.Keys.Where(k => !now.Tombstones.ContainsKey(k)).ToList() ?? [];
        var deletedAt = now.DeletedAt.Where(t => before is null || !before.DeletedAt.TryGetValue(t.Key, out var old) || old != t.Value)
            .ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
        var removedDeletedAt = before?.DeletedAt.Keys.Where(k => !now.DeletedAt.ContainsKey(k)).ToList() ?? [];

        var journal = now.Journal.Skip(before?.JournalCount ?? 0).ToList();
        var same = before is not null && nodes.Count == 0 && removedNodes.Count == 0 && revisions.Count == 0 && removedRevisions.Count == 0
            && tombstones.Count == 0 && removedTombstones.Count == 0 && deletedAt.Count == 0 && removedDeletedAt.Count == 0 && journal.Count == 0
            && before.Seq == now.Seq && before.Generation == now.Generation && before.RevCounter == now.RevCounter;
        return same ? null : new StoreDelta(now.NamespaceId, nodes, removedNodes, revisions, removedRevisions, tombstones, removedTombstones,
            deletedAt, removedDeletedAt, journal, now.Seq, now.Generation, now.RevCounter);
    }

    /// <summary>Applies one record's changes.</summary>
    public void Apply(StoreDelta delta)
    {
        foreach (var id in delta.RemovedNodes)
        {
            Nodes.Remove(id);
        }
        foreach (var node in delta.Nodes)
        {
            Nodes[node.Id] = node;
        }
        foreach (var rev in delta.RemovedRevisions)
        {
            Revisions.Remove(rev);
        }
        foreach (var version in delta.Revisions)
        {
            Revisions[version.Rev] = version;
        }
        foreach (var key in delta.RemovedTombstones)
        {
            Tombstones.Remove(key);
        }
        foreach (var (key, value) in delta.Tombstones)
        {
            Tombstones[key] = value;
        }
        foreach (var key in delta.RemovedDeletedAt)
        {
            DeletedAt.Remove(key);
        }
        foreach (var (key, value) in delta.DeletedAt)
        {
            DeletedAt[key] = value;
        }
        Journal.AddRange(delta.Journal);
        Seq = delta.Seq;
        Generation = delta.Generation;
        RevCounter = delta.RevCounter;
    }

    /// <summary>Moves a map of store images forward by one journal record: stores removed, added or changed.</summary>
    public static void ApplyStores(Dictionary<string, StoreImage> stores, Delta delta)
    {
        foreach (var id in delta.RemovedStores)
        {
            stores.Remove(id);
        }
        foreach (var store in delta.Stores)
        {
            if (!stores.TryGetValue(store.NamespaceId, out var image))
            {
                image = new StoreImage { NamespaceId = store.NamespaceId };
                stores[store.NamespaceId] = image;
            }
            image.Apply(store);
        }
    }
}

/// <summary>A whole snapshot as maps, to replay a journal onto.</summary>
internal sealed class SnapshotImage
{
    private readonly Dictionary<string, StoreImage> _stores = new(StringComparer.Ordinal);
    private Snapshot _globals = null!;

    public static SnapshotImage From(Snapshot snapshot)
    {
        var image = new SnapshotImage { _globals = snapshot with { Stores = [] } };
        foreach (var store in snapshot.Stores)
        {
            image._stores[store.NamespaceId] = StoreImage.From(store);
        }
        return image;
    }

    public void Apply(Delta delta)
    {
        StoreImage.ApplyStores(_stores, delta);
        if (delta.Globals is { } globals)
        {
            _globals = globals with { Stores = [] };
        }
    }

    public Snapshot ToSnapshot(long epoch) => _globals with { Stores = [.. _stores.Values.Select(s => s.ToData())], Epoch = epoch };
}
