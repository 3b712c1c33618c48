using System.Buffers;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using DocSync.Core.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DocSync.Core.Blobs;

/// <summary>
/// Files on disk, addressed by the SHA-256 of their content (<c>ab/cd/abcd…</c>), so equal content
/// is stored once. A write goes to a temporary file in the same file system, is flushed to disk
/// (fsync), then renamed into place: a reader sees the whole blob or none.
/// </summary>
public sealed partial class BlobStore
{
    private readonly BlobStoreOptions _options;
    private readonly ILogger _logger;
    private readonly string _root;
    private readonly string _temp;

    /// <summary>Creates the store; creates its folders if missing.</summary>
    /// <param name="options">Root folder and size limit.</param>
    /// <param name="logger">Logger.</param>
    public BlobStore(IOptions<BlobStoreOptions> options, ILogger<BlobStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = logger;
        _root = Path.GetFullPath(_options.RootPath);
        _temp = Path.Combine(_root, "tmp");
        Directory.CreateDirectory(_temp);
    }

    /// <summary>Largest blob accepted, in bytes.</summary>
    public long MaxBlobBytes => _options.MaxBlobBytes;

    /// <summary>
    /// Stores <paramref name="content"/> (read to its end) and returns its address. Throws
    /// <see cref="BlobTooLargeException"/> past the limit, leaving nothing behind.
    /// </summary>
    /// <param name="content">The bytes.</param>
    /// <param name="cancellationToken">Cancels the write; nothing is left behind.</param>
    public async Task<BlobRef> WriteAsync(Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var tempPath = Path.Combine(_temp, Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            string sha;
            long length = 0;
            await using (var file = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = ArrayPool<byte>.Shared.Rent(81920);
                try
                {
                    int read;
                    while ((read = await content.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                    {
                        length += read;
                        if (length > _options.MaxBlobBytes)
                        {
                            throw new BlobTooLargeException(_options.MaxBlobBytes);
                        }

                        hash.AppendData(buffer, 0, read);
                        await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }

                await file.FlushAsync(cancellationToken).ConfigureAwait(false);
                file.Flush(flushToDisk: true);
                sha = Convert.ToHexStringLower(hash.GetHashAndReset());
            }

            var finalPath = PathOf(sha);
            Directory.CreateDirectory(Path.GetDirectoryName(finalPath)!);
            if (TryRenew(finalPath))
            {
                Log.BlobDeduplicated(_logger, sha, length);
            }
            else
            {
                try
                {
                    File.Move(tempPath, finalPath, overwrite: false);
                    Log.BlobStored(_logger, sha, length);
                }
                catch (IOException) when (File.Exists(finalPath))
                {
                    // Another writer stored the same content first: same address, same bytes.
                    Log.BlobDeduplicated(_logger, sha, length);
                }
            }

            return new BlobRef(sha, length);
        }
        finally
        {
            if (File.Exists(tempPath))
            {
                File.Delete(tempPath);
            }
        }
    }

    // The same content is stored already: its time is set to now, so the sweep's grace period counts
    // from this write too (the row that will reference it may not be committed yet). A blob the
    // sweep took away meanwhile reads as absent, and the caller puts its own copy in place.
    private static bool TryRenew(string path)
    {
        try
        {
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
            return true;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
    }

    /// <summary>
    /// Every stored blob with its size and last write (its creation, or the last write of the same
    /// content), read from the file system as it is now. For <see cref="BlobSweeper"/>.
    /// </summary>
    internal IEnumerable<(string Sha256, long Length, DateTime LastWriteUtc)> List()
    {
        foreach (var file in new DirectoryInfo(_root).EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true }))
        {
            if (file.Directory?.Parent?.Parent?.FullName == _root.TrimEnd(Path.DirectorySeparatorChar) && Address().IsMatch(file.Name))
            {
                yield return (file.Name, file.Length, file.LastWriteTimeUtc);
            }
        }
    }

    /// <summary>
    /// Removes an unreferenced blob unless it was written since <paramref name="writtenBeforeUtc"/>;
    /// returns the bytes removed, or <see langword="null"/> when it was kept or already gone. The blob
    /// is first renamed aside (atomic), then its time is read again: a writer that found the same
    /// content just before the rename has renewed it (<see cref="TryRenew"/>), and it goes back; a
    /// writer coming after the rename finds it absent and stores its own copy. Either way a blob a
    /// new row will reference is never lost.
    /// </summary>
    /// <param name="sha256">The blob's address.</param>
    /// <param name="writtenBeforeUtc">Only a blob last written before this is removed.</param>
    internal long? TryRemove(string sha256, DateTime writtenBeforeUtc)
    {
        var path = PathOf(sha256);
        var aside = Path.Combine(_temp, $"{sha256}.{Guid.NewGuid():N}.sweep");
        try
        {
            File.Move(path, aside, overwrite: false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        var file = new FileInfo(aside);
        if (file.LastWriteTimeUtc >= writtenBeforeUtc)
        {
            try
            {
                File.Move(aside, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                // A writer stored the same content again meanwhile: same address, same bytes.
                File.Delete(aside);
            }

            return null;
        }

        var length = file.Length;
        File.Delete(aside);
        return length;
    }

    /// <summary>Deletes files left in the temporary folder (writes of a killed process) last written before <paramref name="writtenBeforeUtc"/>; returns how many.</summary>
    /// <param name="writtenBeforeUtc">Only files last written before this are deleted (a write in progress keeps its file fresh).</param>
    internal int RemoveStaleTemporaryFiles(DateTime writtenBeforeUtc)
    {
        var removed = 0;
        foreach (var file in new DirectoryInfo(_temp).EnumerateFiles())
        {
            if (file.LastWriteTimeUtc < writtenBeforeUtc)
            {
                try
                {
                    file.Delete();
                    removed++;
                }
                catch (IOException)
                {
                    // In use or gone: the next sweep looks again.
                }
            }
        }

        return removed;
    }

    /// <summary>Checks that a blob can be written here now: creates, flushes and deletes a small file in the temporary folder. Throws if not.</summary>
    public void ProbeWritable()
    {
        var probe = Path.Combine(_temp, $"probe-{Guid.NewGuid():N}.tmp");
        try
        {
            using (var file = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1))
            {
                file.WriteByte(1);
                file.Flush(flushToDisk: true);
            }
        }
        finally
        {
            File.Delete(probe);
        }
    }

    /// <summary>Whether a blob with this address is stored.</summary>
    /// <param name="sha256">The address (64 lower-case hex digits).</param>
    public bool Exists(string sha256) => File.Exists(PathOf(sha256));

    /// <summary>Opens a stored blob for reading; throws <see cref="FileNotFoundException"/> if it is not stored.</summary>
    /// <param name="sha256">The address (64 lower-case hex digits).</param>
    public Stream OpenRead(string sha256) =>
        new FileStream(PathOf(sha256), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);

    /// <summary>The file path of a blob; throws <see cref="ArgumentException"/> unless the address is 64 lower-case hex digits.</summary>
    /// <param name="sha256">The address.</param>
    public string PathOf(string sha256)
    {
        ArgumentNullException.ThrowIfNull(sha256);
        if (!Address().IsMatch(sha256))
        {
            throw new ArgumentException("A blob address is 64 lower-case hex digits.", nameof(sha256));
        }

        return Path.Combine(_root, sha256[..2], sha256[2..4], sha256);
    }

    [GeneratedRegex("^[0-9a-f]{64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Address();
}
