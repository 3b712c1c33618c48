using System.Text.Json.Nodes;
using DocSync.Dropbox.Emulator.Model;
using DocSync.Dropbox.Emulator.Wire;

namespace DocSync.Dropbox.Emulator.Routes;

/// <summary>get_metadata, list_folder (+continue, get_latest_cursor, longpoll).</summary>
internal static class ListingRoutes
{
    private const int DefaultLimit = 2000;

    public static void Register(RouteTable routes)
    {
        routes.Rpc("files/get_metadata", "files.metadata.read", GetMetadata)
            .Rpc("files/list_folder", "files.metadata.read", ListFolder)
            .Rpc("files/list_folder/continue", "files.metadata.read", Continue)
            .Rpc("files/list_folder/get_latest_cursor", "files.metadata.read", GetLatestCursor)
            .Rpc("files/list_folder/longpoll", null, Longpoll, RouteAuth.None);
    }

    private static ValueTask<RouteResult> GetMetadata(CallContext ctx)
    {
        var args = ctx.Args;
        var path = args.String("path", Patterns.ReadPath());
        args.Bool("include_media_info", false);
        var includeDeleted = args.Bool("include_deleted", false);
        args.Bool("include_has_explicit_shared_members", false);
        lock (ctx.State.Gate)
        {
            if (path == "/")
            {
                throw RouteErrorException.Nested("path", PathProblem.Malformed.Error);
            }
            var target = RouteHelpers.Resolve(ctx, path);
            if (target.Revision is { } revision)
            {
                return ValueTask.FromResult(RouteResult.Of(Renderer.Revision(target.View, revision)));
            }
            if (target.Node is { } node)
            {
                return ValueTask.FromResult(RouteResult.Of(Renderer.Metadata(target.View, node)));
            }
            if (includeDeleted && target.Store.Tombstones.TryGetValue(target.AbsLower, out var tombstone))
            {
                return ValueTask.FromResult(RouteResult.Of(Renderer.Deleted(target.View, target.AbsLower, tombstone.PathDisplay)));
            }
            throw RouteErrorException.Nested("path", PathProblem.NotFound.Error);
        }
    }

    private static (ResolvedPath Folder, ListCursor Cursor) StartListing(CallContext ctx)
    {
        var args = ctx.Args;
        var path = args.String("path", Patterns.PathROrId());
        if (path == "/")
        {
            throw args.FieldFail("path", "Specify the root folder as an empty string rather than as \"/\".");
        }
        var recursive = args.Bool("recursive", false);
        args.Bool("include_media_info", false);
        var includeDeleted = args.Bool("include_deleted", false);
        args.Bool("include_has_explicit_shared_members", false);
        args.Bool("include_mounted_folders", true);
        args.Bool("include_non_downloadable_files", true);
        var limit = (int)args.Long("limit", DefaultLimit, 1, 2000);
        if (args.Has("shared_link"))
        {
            throw RouteErrorException.Nested("path", PathProblem.NotFound.Error);
        }
        var folder = RouteHelpers.Resolve(ctx, path, allowRoot: true);
        if (!folder.IsRoot && folder.Node is null)
        {
            throw RouteErrorException.Nested("path", PathProblem.NotFound.Error);
        }
        if (folder.Node is { IsFolder: false })
        {
            throw RouteErrorException.Nested("path", PathProblem.Of("not_folder").Error);
        }
        var store = folder.Store;
        var cursor = new ListCursor(store.NamespaceId, folder.View.NamespaceId, folder.View.PrefixLower, folder.AbsLower,
            recursive, includeDeleted, store.Seq, null, store.Generation, ctx.State.RandomString(16), limit);
        return (folder, cursor);
    }

    private static ValueTask<RouteResult> ListFolder(CallContext ctx)
    {
        lock (ctx.State.Gate)
        {
            var (folder, cursor) = StartListing(ctx);
            // The first page starts before every key; the folder itself leads a recursive listing.
            return ValueTask.FromResult(RouteResult.Of(Page(ctx.State, folder.View, cursor with { AfterKey = "" }, includeSelf: cursor.Recursive && !folder.IsRoot)));
        }
    }

    private static ValueTask<RouteResult> GetLatestCursor(CallContext ctx)
    {
        lock (ctx.State.Gate)
        {
            var (_, cursor) = StartListing(ctx);
            return ValueTask.FromResult(RouteResult.Of(new JsonObject { ["cursor"] = cursor.Encode(CursorKey(ctx.State)) }));
        }
    }

    private static ValueTask<RouteResult> Continue(CallContext ctx)
    {
        var text = ctx.Args.String("cursor", minLength: 1);
        lock (ctx.State.Gate)
        {
            var cursor = Decode(ctx.State, ctx.Args, text);
            var view = ctx.View;
            if (cursor.StoreNamespaceId != view.Store.NamespaceId || !view.Contains(cursor.ViewPrefixLower))
            {
                throw ctx.Args.FieldFail("cursor", "Invalid cursor: it belongs to another account or root.");
            }
            var cursorView = new View(view.Store, cursor.ViewPrefixLower, DisplayPrefix(view.Store, cursor.ViewPrefixLower), cursor.ViewNamespaceId);
            return ValueTask.FromResult(RouteResult.Of(Page(ctx.State, cursorView, cursor, includeSelf: false)));
        }
    }

    private static async ValueTask<RouteResult> Longpoll(CallContext ctx)
    {
        var args = ctx.Args;
        var text = args.String("cursor", minLength: 1);
        var timeout = args.Long("timeout", 30, 30, 480);
        var state = ctx.State;
        var deadline = TimeSpan.FromSeconds(timeout);
        if (state.Options.LongpollMaxWait is { } cap && cap < deadline)
        {
            deadline = cap;
        }
        using var timer = new CancellationTokenSource(deadline);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, ctx.Http.RequestAborted);
        while (true)
        {
            Task signal;
            lock (state.Gate)
            {
                var cursor = Decode(state, args, text);
                if (!state.Stores.TryGetValue(cursor.StoreNamespaceId, out var store))
                {
                    throw RouteErrorException.Void("reset");
                }
                if (HasChanges(store, cursor))
                {
                    return RouteResult.Of(LongpollResult(state, true));
                }
                signal = store.ChangedSignal;
            }
            try
            {
                await signal.WaitAsync(linked.Token);
            }
            catch (OperationCanceledException) when (timer.IsCancellationRequested)
            {
                return RouteResult.Of(LongpollResult(state, false));
            }
        }
    }

    private static JsonObject LongpollResult(EmulatorState state, bool changes)
    {
        var result = new JsonObject { ["changes"] = changes };
        if (state.LongpollBackoffSeconds is { } backoff)
        {
            result["backoff"] = backoff;
        }
        return result;
    }

    private static bool HasChanges(Store store, ListCursor cursor) =>
        cursor.AfterKey is not null || store.JournalAfter(cursor.Seq).Any(e => InScope(cursor, e.PathLower));

    private static ListCursor Decode(EmulatorState state, Args args, string text)
    {
        var cursor = ListCursor.Decode(text, CursorKey(state)) ?? throw args.FieldFail("cursor", "Invalid cursor.");
        var reset = !state.Stores.TryGetValue(cursor.StoreNamespaceId, out var store)
            || store.Generation != cursor.Generation
            || state.ResetCursorLineages.Contains(cursor.Lineage)
            || cursor.Seq > store.Seq;
        if (reset)
        {
            throw RouteErrorException.Void("reset");
        }
        return cursor;
    }

    private static byte[] CursorKey(EmulatorState state) => ListCursor.KeyFor(state.Options.Seed);

    private static string DisplayPrefix(Store store, string prefixLower) =>
        prefixLower.Length == 0 ? "" : store.Get(prefixLower)?.PathDisplay ?? prefixLower;

    private static bool InScope(ListCursor cursor, string pathLower)
    {
        var folder = cursor.FolderLower;
        if (pathLower == folder)
        {
            return cursor.Recursive && folder.Length > cursor.ViewPrefixLower.Length;
        }
        if (!pathLower.StartsWith(folder + "/", StringComparison.Ordinal))
        {
            return false;
        }
        return cursor.Recursive || pathLower.IndexOf('/', folder.Length + 1) < 0;
    }

    /// <summary>
    /// One page: while the first listing is still paging (AfterKey set), the tree in path order;
    /// then the journal since the listing began, one entry per changed path in the state it has now.
    /// </summary>
    private static JsonObject Page(EmulatorState state, View view, ListCursor cursor, bool includeSelf)
    {
        var store = view.Store;
        var entries = new JsonArray();
        var key = CursorKey(state);
        if (cursor.AfterKey is not null)
        {
            if (includeSelf && store.Get(cursor.FolderLower) is { } self)
            {
                entries.Add(Renderer.Metadata(view, self));
            }
            string? last = null;
            var more = false;
            foreach (var (pathLower, node, tombstone) in TreeAfter(store, cursor))
            {
                if (entries.Count >= cursor.Limit)
                {
                    more = true;
                    break;
                }
                entries.Add(node is not null ? Renderer.Metadata(view, node) : Renderer.Deleted(view, pathLower, tombstone!.PathDisplay));
                last = pathLower;
            }
            var next = more ? cursor with { AfterKey = last } : cursor with { AfterKey = null };
            return new JsonObject
            {
                ["entries"] = entries,
                ["cursor"] = next.Encode(key),
                ["has_more"] = more || HasChanges(store, next),
            };
        }

        var changed = new Dictionary<string, JournalEntry>(StringComparer.Ordinal);
        foreach (var entry in store.JournalAfter(cursor.Seq))
        {
            if (InScope(cursor, entry.PathLower))
            {
                changed.Remove(entry.PathLower);
                changed[entry.PathLower] = entry;
            }
        }
        var ordered = changed.Values.OrderBy(e => e.Seq).ToList();
        var page = ordered.Take(cursor.Limit).ToList();
        foreach (var entry in page)
        {
            entries.Add(store.Get(entry.PathLower) is { } node
                ? Renderer.Metadata(view, node)
                : Renderer.Deleted(view, entry.PathLower, entry.PathDisplay));
        }
        var seq = page.Count == ordered.Count ? store.Seq : page[^1].Seq;
        return new JsonObject
        {
            ["entries"] = entries,
            ["cursor"] = (cursor with { Seq = seq }).Encode(key),
            ["has_more"] = page.Count < ordered.Count,
        };
    }

    private static IEnumerable<(string PathLower, Node? Node, FileVersion? Tombstone)> TreeAfter(Store store, ListCursor cursor)
    {
        var after = string.IsNullOrEmpty(cursor.AfterKey) ? null : cursor.AfterKey;
        var live = store.Descendants(cursor.FolderLower, after)
            .Where(n => cursor.Recursive || n.PathLower.LastIndexOf('/') == cursor.FolderLower.Length)
            .Select(n => (n.PathLower, (Node?)n, (FileVersion?)null));
        if (!cursor.IncludeDeleted)
        {
            return live;
        }
        var dead = store.Tombstones
            .Where(t => InScope(cursor, t.Key) && t.Key != cursor.FolderLower
                && (after is null || string.CompareOrdinal(t.Key, after) > 0) && store.Get(t.Key) is null)
            .Select(t => (t.Key, (Node?)null, (FileVersion?)t.Value));
        return live.Concat(dead).OrderBy(e => e.Item1, StringComparer.Ordinal);
    }
}
