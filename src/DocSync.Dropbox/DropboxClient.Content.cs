using System.Buffers;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DocSync.Dropbox.Http;
using DocSync.Dropbox.Json;
using DocSync.Dropbox.Logging;

namespace DocSync.Dropbox;

public sealed partial class DropboxClient
{
    private const int CopyBufferSize = 1 << 20;

    /// <summary>
    /// <c>files/download</c>, streamed into <paramref name="destination"/> while the content hash is
    /// computed. A connection lost part-way resumes from the last byte written (<c>Range</c>, pinned
    /// to the revision first served), so <paramref name="destination"/> receives each byte exactly once.
    /// Throws <see cref="InvalidDataException"/> when the bytes do not match the file's content hash.
    /// </summary>
    public async Task<FileMetadata> DownloadAsync(string path, Stream destination, CancellationToken cancellationToken = default)
    {
        RequirePath(path);
        ArgumentNullException.ThrowIfNull(destination);
        const string route = "files/download";
        using var hasher = new DropboxContentHasher();
        var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
        try
        {
            FileMetadata? metadata = null;
            var readPath = path;
            long written = 0;
            var trace = new CallTrace();
            while (true)
            {
                using var response = await _transport.DownloadAsync(route, new JsonObject { ["path"] = readPath }, written, trace, cancellationToken).ConfigureAwait(false);
                if (metadata is null)
                {
                    metadata = ResultHeader<FileMetadata>(response, route);
                    // Resumes must read the same revision, whatever happens to the path meanwhile.
                    readPath = "rev:" + metadata.Rev;
                }
                try
                {
                    await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                    // A server that ignores Range sends everything again: skip what we already have.
                    var skip = written > 0 && response.StatusCode != HttpStatusCode.PartialContent ? written : 0;
                    int read;
                    while ((read = await body.ReadAsync(buffer.AsMemory(0, CopyBufferSize), cancellationToken).ConfigureAwait(false)) > 0)
                    {
                        var start = (int)Math.Min(skip, read);
                        skip -= start;
                        if (start == read)
                        {
                            continue;
                        }
                        hasher.Append(buffer.AsSpan(start, read - start));
                        await destination.WriteAsync(buffer.AsMemory(start, read - start), cancellationToken).ConfigureAwait(false);
                        written += read - start;
                    }
                    if (written < metadata.Size)
                    {
                        throw new IOException($"The download ended at byte {written} of {metadata.Size}.");
                    }
                    break;
                }
                catch (Exception e) when (RetryClassifier.AsNetworkFailure(route, e, cancellationToken) is { } failure)
                {
                    if (!_transport.Retry.ShouldRetry(failure, trace.Attempts))
                    {
                        throw failure;
                    }
                    Log.DownloadResuming(_transport.Logger, route, written);
                    await _transport.Retry.WaitAsync(_transport.Retry.DelayFor(failure, trace.Attempts), cancellationToken).ConfigureAwait(false);
                }
            }
            var hash = hasher.GetHashHexAndReset();
            if (written != metadata.Size || (metadata.ContentHash is { } expected && !string.Equals(expected, hash, StringComparison.Ordinal)))
            {
                throw new InvalidDataException(
                    $"Download of {metadata.PathDisplay} is corrupt: got {written} bytes hashing to {hash}, expected {metadata.Size} bytes hashing to {metadata.ContentHash}.");
            }
            return metadata;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary><c>files/get_temporary_link</c>: a four-hour link to the file's bytes.</summary>
    public Task<TemporaryLink> GetTemporaryLinkAsync(string path, CancellationToken cancellationToken = default)
    {
        RequirePath(path);
        return _transport.RpcAsync<TemporaryLink>("files/get_temporary_link", new JsonObject { ["path"] = path }, cancellationToken);
    }

    /// <summary><c>files/list_revisions</c>: newest first; <paramref name="byId"/> follows the file across renames.</summary>
    public Task<RevisionsPage> ListRevisionsAsync(string path, int limit = 10, bool byId = false, CancellationToken cancellationToken = default)
    {
        RequirePath(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 100);
        return _transport.RpcAsync<RevisionsPage>("files/list_revisions",
            new JsonObject { ["path"] = path, ["mode"] = DropboxJson.Tag(byId ? "id" : "path"), ["limit"] = limit }, cancellationToken);
    }

    /// <summary><c>files/restore</c>: makes revision <paramref name="rev"/> the current content at <paramref name="path"/>.</summary>
    public Task<FileMetadata> RestoreAsync(string path, string rev, CancellationToken cancellationToken = default)
    {
        RequirePath(path);
        ArgumentException.ThrowIfNullOrWhiteSpace(rev);
        return _transport.RpcAsync<FileMetadata>("files/restore", new JsonObject { ["path"] = path, ["rev"] = rev }, cancellationToken);
    }

    /// <summary>Reads <c>Dropbox-API-Result</c>: ASCII with <c>\u</c> escapes as Dropbox sends it, raw UTF-8 tolerated.</summary>
    private static T ResultHeader<T>(HttpResponseMessage response, string route)
    {
        if (!response.Headers.TryGetValues("Dropbox-API-Result", out var values) || values.FirstOrDefault() is not { } text)
        {
            throw new DropboxApiException(route, (int)response.StatusCode, DropboxErrorTags.None, "The answer has no Dropbox-API-Result header.",
                ErrorDecoder.RequestId(response), null, isTransient: false);
        }
        if (text.Any(c => c > 0x7F))
        {
            // HttpClient reads header bytes as Latin-1; raw UTF-8 from a lax server is re-read as UTF-8.
            text = Encoding.UTF8.GetString(Encoding.Latin1.GetBytes(text));
        }
        return DropboxJson.Deserialize<T>(text, route);
    }
}
