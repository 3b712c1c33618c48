using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using DocSync.Dropbox.Http;

namespace DocSync.Dropbox;

public sealed partial class DropboxClient
{
    private sealed record CursorResult(string Cursor);

    private sealed record LongpollWire(bool Changes, long? Backoff);

    /// <summary><c>files/get_metadata</c>. With <paramref name="includeDeleted"/> a deleted path answers <see cref="DeletedMetadata"/> instead of <c>path/not_found</c>.</summary>
    public Task<Metadata> GetMetadataAsync(string path, bool includeDeleted = false, CancellationToken cancellationToken = default)
    {
        RequirePath(path);
        return _transport.RpcAsync<Metadata>("files/get_metadata",
            new JsonObject { ["path"] = path, ["include_deleted"] = includeDeleted }, cancellationToken);
    }

    /// <summary>
    /// <see cref="GetMetadataAsync"/> that answers null for <c>path/not_found</c> instead of throwing.
    /// </summary>
    public async Task<Metadata?> TryGetMetadataAsync(string path, CancellationToken cancellationToken = default)
    {
        try
        {
            return await GetMetadataAsync(path, false, cancellationToken).ConfigureAwait(false);
        }
        catch (DropboxApiException e) when (e.HasTag("path/" + DropboxErrorTags.NotFound))
        {
            return null;
        }
    }

    /// <summary><c>files/list_folder</c>: the first page. The root is <c>""</c>.</summary>
    public Task<ListFolderPage> ListFolderAsync(string path, ListFolderOptions? options = null, CancellationToken cancellationToken = default) =>
        _transport.RpcAsync<ListFolderPage>("files/list_folder", ListArg(path, options), cancellationToken);

    /// <summary><c>files/list_folder/continue</c>: the next page, or the changes since the cursor.</summary>
    public Task<ListFolderPage> ListFolderContinueAsync(string cursor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cursor);
        return _transport.RpcAsync<ListFolderPage>("files/list_folder/continue", new JsonObject { ["cursor"] = cursor }, cancellationToken);
    }

    /// <summary><c>files/list_folder/get_latest_cursor</c>: a cursor at "now", without listing.</summary>
    public async Task<string> GetLatestCursorAsync(string path, ListFolderOptions? options = null, CancellationToken cancellationToken = default) =>
        (await _transport.RpcAsync<CursorResult>("files/list_folder/get_latest_cursor", ListArg(path, options), cancellationToken).ConfigureAwait(false)).Cursor;

    /// <summary>
    /// Every page of a listing, following <c>has_more</c> to the end. A failure part-way throws: a
    /// listing is never returned incomplete as if it were whole. The last page's cursor is the one to keep.
    /// </summary>
    public async IAsyncEnumerable<ListFolderPage> ListFolderPagesAsync(string path, ListFolderOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var page = await ListFolderAsync(path, options, cancellationToken).ConfigureAwait(false);
        yield return page;
        while (page.HasMore)
        {
            page = await ListFolderContinueAsync(page.Cursor, cancellationToken).ConfigureAwait(false);
            yield return page;
        }
    }

    /// <summary>Every entry of a listing (see <see cref="ListFolderPagesAsync"/>).</summary>
    public async IAsyncEnumerable<Metadata> ListFolderAllAsync(string path, ListFolderOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var page in ListFolderPagesAsync(path, options, cancellationToken).ConfigureAwait(false))
        {
            foreach (var entry in page.Entries)
            {
                yield return entry;
            }
        }
    }

    /// <summary>
    /// Every change since <paramref name="cursor"/>, read to the end, or <see cref="ListFolderChanges.IsReset"/>
    /// when Dropbox reset the cursor (list again from scratch and reconcile). Other failures throw.
    /// </summary>
    public async Task<ListFolderChanges> ListChangesAsync(string cursor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cursor);
        var entries = new List<Metadata>();
        var current = cursor;
        try
        {
            while (true)
            {
                var page = await ListFolderContinueAsync(current, cancellationToken).ConfigureAwait(false);
                entries.AddRange(page.Entries);
                current = page.Cursor;
                if (!page.HasMore)
                {
                    return new ListFolderChanges { Entries = entries, Cursor = current };
                }
            }
        }
        catch (DropboxApiException e) when (e.StatusCode == 409 && e.HasTag(DropboxErrorTags.Reset))
        {
            return new ListFolderChanges { IsReset = true, Cursor = cursor };
        }
    }

    /// <summary>
    /// <c>files/list_folder/longpoll</c> (notify host, no auth): waits up to <paramref name="timeout"/>
    /// (30–480 s, default 30 s) for changes behind <paramref name="cursor"/>. A reset cursor is an outcome, not an exception.
    /// </summary>
    public async Task<LongpollResult> LongpollAsync(string cursor, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cursor);
        var seconds = (int)(timeout ?? TimeSpan.FromSeconds(30)).TotalSeconds;
        if (seconds is < 30 or > 480)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The longpoll timeout must be between 30 and 480 seconds.");
        }
        try
        {
            // Dropbox adds up to 90 s of jitter to the wait, so the socket must outlast timeout + 90 s.
            var wire = await _transport.RpcAsync<LongpollWire>("files/list_folder/longpoll",
                new JsonObject { ["cursor"] = cursor, ["timeout"] = seconds }, cancellationToken,
                DropboxHost.Notify, RouteAuth.None, TimeSpan.FromSeconds(seconds + 120)).ConfigureAwait(false);
            return new LongpollResult { Changes = wire.Changes, Backoff = wire.Backoff is { } b ? TimeSpan.FromSeconds(b) : null };
        }
        catch (DropboxApiException e) when (e.StatusCode == 409 && e.HasTag(DropboxErrorTags.Reset))
        {
            return new LongpollResult { IsReset = true };
        }
    }

    private static JsonObject ListArg(string path, ListFolderOptions? options)
    {
        RequirePath(path, allowRoot: true);
        options ??= new ListFolderOptions();
        var arg = new JsonObject
        {
            ["path"] = path,
            ["recursive"] = options.Recursive,
            ["include_deleted"] = options.IncludeDeleted,
            ["include_mounted_folders"] = options.IncludeMountedFolders,
            ["include_non_downloadable_files"] = options.IncludeNonDownloadableFiles,
        };
        if (options.Limit is { } limit)
        {
            arg["limit"] = limit is >= 1 and <= 2000 ? limit : throw new ArgumentOutOfRangeException(nameof(options), limit, "ListFolderOptions.Limit must be between 1 and 2000.");
        }
        return arg;
    }
}
