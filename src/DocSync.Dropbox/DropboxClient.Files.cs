using System.Text.Json;
using System.Text.Json.Nodes;
using DocSync.Dropbox.Json;

namespace DocSync.Dropbox;

public sealed partial class DropboxClient
{
    private static readonly TimeSpan FirstJobPoll = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LastJobPoll = TimeSpan.FromSeconds(5);

    /// <summary><c>files/create_folder_v2</c>. An existing folder answers <c>path/conflict/folder</c>.</summary>
    public async Task<FolderMetadata> CreateFolderAsync(string path, bool autorename = false, CancellationToken cancellationToken = default)
    {
        RequirePath(path);
        var bytes = await _transport.RpcRawAsync("files/create_folder_v2", new JsonObject { ["path"] = path, ["autorename"] = autorename }, cancellationToken)
            .ConfigureAwait(false);
        return DropboxJson.Deserialize<MetadataResult<FolderMetadata>>(bytes, "files/create_folder_v2").Metadata;
    }

    /// <summary>
    /// <c>files/create_folder_batch</c>, then <c>create_folder_batch/check</c> until complete: one result per path, in order.
    /// </summary>
    public async Task<BatchJobResult> CreateFolderBatchAsync(IReadOnlyList<string> paths, bool autorename = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        foreach (var path in paths)
        {
            RequirePath(path);
        }
        var arg = new JsonObject { ["paths"] = new JsonArray(paths.Select(p => (JsonNode)p).ToArray()), ["autorename"] = autorename, ["force_async"] = false };
        var launched = BatchDecoder.Decode(await _transport.RpcRawAsync("files/create_folder_batch", arg, cancellationToken).ConfigureAwait(false), "files/create_folder_batch");
        return await WaitForJobAsync(launched, CheckCreateFolderBatchAsync, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>files/create_folder_batch/check</c>.</summary>
    public Task<BatchJobResult> CheckCreateFolderBatchAsync(string asyncJobId, CancellationToken cancellationToken = default) =>
        CheckJobAsync("files/create_folder_batch/check", asyncJobId, cancellationToken);

    /// <summary>
    /// <c>files/delete_v2</c>: answers the item as it was before deletion. With <paramref name="parentRev"/>
    /// the delete happens only if the file is still at that revision.
    /// </summary>
    public async Task<Metadata> DeleteAsync(string path, string? parentRev = null, CancellationToken cancellationToken = default)
    {
        RequirePath(path);
        var arg = new JsonObject { ["path"] = path };
        if (parentRev is not null)
        {
            arg["parent_rev"] = parentRev;
        }
        var bytes = await _transport.RpcRawAsync("files/delete_v2", arg, cancellationToken).ConfigureAwait(false);
        return MetadataOf(bytes, "files/delete_v2");
    }

    /// <summary><c>files/delete_batch</c>, then <c>delete_batch/check</c> until complete.</summary>
    public async Task<BatchJobResult> DeleteBatchAsync(IReadOnlyList<string> paths, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var entries = new JsonArray();
        foreach (var path in paths)
        {
            RequirePath(path);
            entries.Add(new JsonObject { ["path"] = path });
        }
        var launched = BatchDecoder.Decode(await _transport.RpcRawAsync("files/delete_batch", new JsonObject { ["entries"] = entries }, cancellationToken)
            .ConfigureAwait(false), "files/delete_batch");
        return await WaitForJobAsync(launched, CheckDeleteBatchAsync, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>files/delete_batch/check</c>.</summary>
    public Task<BatchJobResult> CheckDeleteBatchAsync(string asyncJobId, CancellationToken cancellationToken = default) =>
        CheckJobAsync("files/delete_batch/check", asyncJobId, cancellationToken);

    /// <summary><c>files/move_v2</c>. Case-only renames are not supported by Dropbox: move through a temporary name.</summary>
    public Task<Metadata> MoveAsync(string fromPath, string toPath, bool autorename = false, CancellationToken cancellationToken = default) =>
        RelocateAsync("files/move_v2", fromPath, toPath, autorename, cancellationToken);

    /// <summary><c>files/copy_v2</c>.</summary>
    public Task<Metadata> CopyAsync(string fromPath, string toPath, bool autorename = false, CancellationToken cancellationToken = default) =>
        RelocateAsync("files/copy_v2", fromPath, toPath, autorename, cancellationToken);

    /// <summary><c>files/move_batch_v2</c>, then <c>move_batch/check_v2</c> until complete.</summary>
    public Task<BatchJobResult> MoveBatchAsync(IReadOnlyList<(string From, string To)> moves, bool autorename = false, CancellationToken cancellationToken = default) =>
        RelocateBatchAsync("files/move_batch_v2", moves, autorename, CheckMoveBatchAsync, cancellationToken);

    /// <summary><c>files/move_batch/check_v2</c>.</summary>
    public Task<BatchJobResult> CheckMoveBatchAsync(string asyncJobId, CancellationToken cancellationToken = default) =>
        CheckJobAsync("files/move_batch/check_v2", asyncJobId, cancellationToken);

    /// <summary><c>files/copy_batch_v2</c>, then <c>copy_batch/check_v2</c> until complete.</summary>
    public Task<BatchJobResult> CopyBatchAsync(IReadOnlyList<(string From, string To)> copies, bool autorename = false, CancellationToken cancellationToken = default) =>
        RelocateBatchAsync("files/copy_batch_v2", copies, autorename, CheckCopyBatchAsync, cancellationToken);

    /// <summary><c>files/copy_batch/check_v2</c>.</summary>
    public Task<BatchJobResult> CheckCopyBatchAsync(string asyncJobId, CancellationToken cancellationToken = default) =>
        CheckJobAsync("files/copy_batch/check_v2", asyncJobId, cancellationToken);

    private async Task<Metadata> RelocateAsync(string route, string fromPath, string toPath, bool autorename, CancellationToken cancellationToken)
    {
        RequirePath(fromPath);
        RequirePath(toPath);
        var bytes = await _transport.RpcRawAsync(route, new JsonObject { ["from_path"] = fromPath, ["to_path"] = toPath, ["autorename"] = autorename }, cancellationToken)
            .ConfigureAwait(false);
        return MetadataOf(bytes, route);
    }

    private async Task<BatchJobResult> RelocateBatchAsync(string route, IReadOnlyList<(string From, string To)> pairs, bool autorename,
        Func<string, CancellationToken, Task<BatchJobResult>> check, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var entries = new JsonArray();
        foreach (var (from, to) in pairs)
        {
            RequirePath(from);
            RequirePath(to);
            entries.Add(new JsonObject { ["from_path"] = from, ["to_path"] = to });
        }
        var launched = BatchDecoder.Decode(await _transport.RpcRawAsync(route, new JsonObject { ["entries"] = entries, ["autorename"] = autorename }, cancellationToken)
            .ConfigureAwait(false), route);
        return await WaitForJobAsync(launched, check, cancellationToken).ConfigureAwait(false);
    }

    private async Task<BatchJobResult> CheckJobAsync(string route, string asyncJobId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(asyncJobId);
        var bytes = await _transport.RpcRawAsync(route, new JsonObject { ["async_job_id"] = asyncJobId }, cancellationToken).ConfigureAwait(false);
        return BatchDecoder.Decode(bytes, route);
    }

    /// <summary>Polls a launched job until it is no longer running, backing off from 250 ms to 5 s.</summary>
    private async Task<BatchJobResult> WaitForJobAsync(BatchJobResult launched, Func<string, CancellationToken, Task<BatchJobResult>> check,
        CancellationToken cancellationToken)
    {
        if (launched.AsyncJobId is not { } jobId)
        {
            return launched;
        }
        var wait = FirstJobPoll;
        while (true)
        {
            var state = await check(jobId, cancellationToken).ConfigureAwait(false);
            if (state.Status != "in_progress")
            {
                return state with { AsyncJobId = jobId };
            }
            await _transport.Retry.WaitAsync(wait, cancellationToken).ConfigureAwait(false);
            wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, LastJobPoll.Ticks));
        }
    }

    private static Metadata MetadataOf(byte[] bytes, string route)
    {
        using var document = JsonDocument.Parse(bytes);
        return MetadataDecoder.Decode(document.RootElement.GetProperty("metadata"), route);
    }

    private sealed record MetadataResult<T>(T Metadata);
}
