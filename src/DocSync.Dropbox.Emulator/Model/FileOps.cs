using System.Globalization;

namespace DocSync.Dropbox.Emulator.Model;

/// <summary>
/// The write semantics of a Dropbox namespace: commits with add/overwrite/update modes,
/// folders, deletes, moves and copies. Callers hold the state gate (and the store's commit lock).
/// </summary>
public static class FileOps
{
    /// <summary>Most items one move, copy or delete may touch.</summary>
    public const int MaxRelocationItems = 10_000;

    /// <summary>Commits file content at a path. Identical content at the target is a no-op unless strict.</summary>
    /// <remarks>The content must already be in the blob store under <paramref name="hash"/>.</remarks>
    public static FileVersion Commit(EmulatorState state, ResolvedPath target, long size, string hash, CommitInfo info, long quotaBytes)
    {
        var store = target.Store;
        ValidateWriteTarget(target);

        var existing = target.Node;
        var (destLower, destDisplay) = (target.AbsLower, target.AbsDisplay);
        if (existing is { IsFolder: true })
        {
            if (!info.Autorename)
            {
                throw PathProblem.Conflict("folder");
            }
            (destLower, destDisplay) = FreeName(store, target, numbered: true, isFile: true);
            existing = null;
        }
        else if (existing is not null)
        {
            var current = existing.Current!;
            var conflict = info.Mode switch
            {
                "add" => true,
                "update" => current.Rev != info.UpdateRev,
                _ => false,
            };
            if (current.ContentHash == hash && (!conflict || !info.StrictConflict))
            {
                return current;
            }
            if (conflict)
            {
                if (!info.Autorename)
                {
                    throw PathProblem.Conflict("file");
                }
                (destLower, destDisplay) = FreeName(store, target, numbered: info.Mode != "update", isFile: true);
                existing = null;
            }
        }
        else if (info.Mode == "update" && info.StrictConflict)
        {
            throw PathProblem.Conflict("file");
        }

        var delta = size - (existing?.Current?.Size ?? 0);
        if (delta > 0 && store.UsedBytes + delta > quotaBytes)
        {
            throw PathProblem.Of("insufficient_space");
        }

        CreateAncestors(state, store, destLower, destDisplay);
        var now = state.NowSeconds;
        var fileId = existing?.Id ?? state.NewFileId();
        var version = new FileVersion(state.NewRev(store), fileId, destDisplay, size, hash, info.ClientModified ?? now, now);
        if (existing is not null)
        {
            store.SetVersion(existing, version);
        }
        else
        {
            store.Add(new Node { Id = fileId, IsFolder = false, PathLower = destLower, PathDisplay = destDisplay, Current = version });
        }
        Remember(store, version);
        store.Tombstones.Remove(destLower);
        store.DeletedAt.Remove(destLower);
        return version;
    }

    public static Node CreateFolder(EmulatorState state, ResolvedPath target, bool autorename)
    {
        var store = target.Store;
        ValidateWriteTarget(target);
        var (lower, display) = (target.AbsLower, target.AbsDisplay);
        if (target.Node is { } existing)
        {
            if (!autorename)
            {
                throw PathProblem.Conflict(existing.IsFolder ? "folder" : "file");
            }
            (lower, display) = FreeName(store, target, numbered: true, isFile: false);
        }
        CreateAncestors(state, store, lower, display);
        var node = new Node { Id = state.NewFileId(), IsFolder = true, PathLower = lower, PathDisplay = display };
        store.Add(node);
        return node;
    }

    /// <summary>Deletes a file or folder (and everything below it); returns the nodes removed, top first.</summary>
    public static IReadOnlyList<Node> Delete(EmulatorState state, ResolvedPath target)
    {
        var store = target.Store;
        var top = target.Node ?? throw PathProblem.NotFound;
        var removed = new List<Node> { top };
        if (top.IsFolder)
        {
            removed.AddRange(store.Descendants(top.PathLower));
        }
        if (removed.Count > MaxRelocationItems)
        {
            throw PathProblem.Of("too_many_files");
        }
        foreach (var node in removed)
        {
            if (node.Current is { } version)
            {
                store.Tombstones[node.PathLower] = version with { PathDisplay = node.PathDisplay };
                store.DeletedAt[node.PathLower] = state.NowSeconds;
            }
            store.Remove(node);
        }
        store.Record(top.PathLower, top.PathDisplay);
        return removed;
    }

    /// <summary>Moves a file or folder; ids stay, descendants follow. Returns the moved node.</summary>
    public static Node Move(EmulatorState state, ResolvedPath from, ResolvedPath to, bool autorename) =>
        Relocate(state, from, to, autorename, copy: false);

    /// <summary>Copies a file or folder; copies get new ids and revs. Returns the new top node.</summary>
    public static Node Copy(EmulatorState state, ResolvedPath from, ResolvedPath to, bool autorename, long quotaBytes)
    {
        var size = (from.Node?.Current?.Size ?? 0)
            + (from.Node is { IsFolder: true } ? from.Store.Descendants(from.AbsLower).Sum(n => n.Current?.Size ?? 0) : 0);
        if (to.Store.UsedBytes + size > quotaBytes)
        {
            throw new RelocationProblem("insufficient_quota");
        }
        return Relocate(state, from, to, autorename, copy: true);
    }

    private static Node Relocate(EmulatorState state, ResolvedPath from, ResolvedPath to, bool autorename, bool copy)
    {
        var source = from.Node ?? throw new RelocationProblem("from_lookup", PathProblem.NotFound);
        if (from.IsRoot)
        {
            throw new RelocationProblem("from_lookup", PathProblem.Malformed);
        }
        if (to.IsRoot)
        {
            throw new RelocationProblem("to", PathProblem.Malformed);
        }
        if (PathResolver.IsDisallowed(to.Name))
        {
            throw new RelocationProblem("to", PathProblem.Of("disallowed_name"));
        }
        if (source.IsFolder && to.Store == from.Store && to.AbsLower.StartsWith(source.PathLower + "/", StringComparison.Ordinal))
        {
            throw new RelocationProblem("cant_move_folder_into_itself");
        }
        try
        {
            CheckAncestors(to.Store, to.ParentLower);
        }
        catch (PathProblem problem)
        {
            throw new RelocationProblem("to", problem);
        }
        var (lower, display) = (to.AbsLower, to.AbsDisplay);
        if (to.Node is { } existing)
        {
            if (!autorename || existing == source)
            {
                throw new RelocationProblem("to", PathProblem.Conflict(existing.IsFolder ? "folder" : "file"));
            }
            (lower, display) = FreeName(to.Store, to, numbered: true, isFile: !source.IsFolder);
        }
        var subtree = new List<Node> { source };
        if (source.IsFolder)
        {
            subtree.AddRange(from.Store.Descendants(source.PathLower));
        }
        if (subtree.Count > MaxRelocationItems)
        {
            throw new RelocationProblem("too_many_files");
        }

        CreateAncestors(state, to.Store, lower, display);
        var oldLower = source.PathLower;
        var oldDisplay = source.PathDisplay;
        Node? top = null;
        foreach (var node in subtree)
        {
            var newLower = lower + node.PathLower[oldLower.Length..];
            var newDisplay = display + node.PathDisplay[oldDisplay.Length..];
            if (copy || to.Store != from.Store)
            {
                var clone = new Node { Id = copy ? state.NewFileId() : node.Id, IsFolder = node.IsFolder, PathLower = newLower, PathDisplay = newDisplay };
                if (node.Current is { } version)
                {
                    var now = state.NowSeconds;
                    clone.Current = version with { Rev = state.NewRev(to.Store), FileId = clone.Id, PathDisplay = newDisplay, ServerModified = now };
                    Remember(to.Store, clone.Current);
                }
                if (!copy)
                {
                    from.Store.Remove(node);
                }
                to.Store.Add(clone);
                top ??= clone;
            }
            else
            {
                to.Store.Rekey(node, newLower, newDisplay);
                if (node.Current is { } version)
                {
                    node.Current = version with { PathDisplay = newDisplay };
                }
                to.Store.Record(newLower, newDisplay);
                top ??= node;
            }
        }
        if (!copy)
        {
            from.Store.Record(oldLower, oldDisplay);
        }
        return top!;
    }

    /// <summary>A write may not target the root or a disallowed name, nor go below a file.</summary>
    private static void ValidateWriteTarget(ResolvedPath target)
    {
        if (target.IsRoot)
        {
            throw PathProblem.Malformed;
        }
        if (PathResolver.IsDisallowed(target.Name))
        {
            throw PathProblem.Of("disallowed_name");
        }
        CheckAncestors(target.Store, target.ParentLower);
    }

    /// <summary>Fails with conflict/file_ancestor when a file stands where a folder must be.</summary>
    private static void CheckAncestors(Store store, string parentLower)
    {
        var path = parentLower;
        while (path.Length > 0)
        {
            if (store.Get(path) is { IsFolder: false })
            {
                throw PathProblem.Conflict("file_ancestor");
            }
            path = path[..path.LastIndexOf('/')];
        }
    }

    private static void CreateAncestors(EmulatorState state, Store store, string lower, string display)
    {
        var missing = new Stack<(string, string)>();
        var l = lower[..lower.LastIndexOf('/')];
        var d = display[..display.LastIndexOf('/')];
        while (l.Length > 0 && store.Get(l) is null)
        {
            missing.Push((l, d));
            l = l[..l.LastIndexOf('/')];
            d = d[..d.LastIndexOf('/')];
        }
        while (missing.Count > 0)
        {
            var (folderLower, folderDisplay) = missing.Pop();
            store.Add(new Node { Id = state.NewFileId(), IsFolder = true, PathLower = folderLower, PathDisplay = folderDisplay });
        }
    }

    private static void Remember(Store store, FileVersion version)
    {
        store.Revisions[version.Rev] = version;
        if (!store.History.TryGetValue(version.FileId, out var history))
        {
            history = [];
            store.History[version.FileId] = history;
        }
        history.Add(version);
    }

    /// <summary>"name (1).ext", "name (2).ext"… or "name (conflicted copy).ext": the first free one.</summary>
    private static (string Lower, string Display) FreeName(Store store, ResolvedPath target, bool numbered, bool isFile)
    {
        var name = target.Name;
        var dot = isFile ? name.LastIndexOf('.') : -1;
        var (stem, extension) = dot > 0 ? (name[..dot], name[dot..]) : (name, "");
        for (var n = 1; ; n++)
        {
            var candidate = numbered
                ? $"{stem} ({n.ToString(CultureInfo.InvariantCulture)}){extension}"
                : n == 1 ? $"{stem} (conflicted copy){extension}" : $"{stem} (conflicted copy {n.ToString(CultureInfo.InvariantCulture)}){extension}";
            var display = target.ParentDisplay + "/" + candidate;
            var lower = display.Normalize(System.Text.NormalizationForm.FormC).ToLower(CultureInfo.InvariantCulture);
            if (store.Get(lower) is null)
            {
                return (lower, display);
            }
        }
    }
}
