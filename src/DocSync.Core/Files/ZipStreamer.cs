using System.IO.Compression;

namespace DocSync.Core.Files;

/// <summary>
/// Writes a zip straight to a stream (an HTTP response) entry by entry, never holding a file or the
/// archive in memory: <see cref="ZipArchive"/> in create mode writes each entry's header, its bytes
/// as they are read, and a data descriptor, so a non-seekable output works and memory stays flat
/// whatever the size. Files already compressed (PDF, images, archives) are stored, the rest deflated fast.
/// </summary>
public static class ZipStreamer
{
    private static readonly DateTimeOffset ZipEpoch = new(1980, 1, 2, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Writes <paramref name="entries"/> to <paramref name="output"/>, opening each file with <paramref name="open"/> when its turn comes.</summary>
    /// <param name="output">Where the zip goes (left open).</param>
    /// <param name="entries">The entries, named by <see cref="ZipPlan"/>.</param>
    /// <param name="open">Opens a file's bytes.</param>
    /// <param name="cancellationToken">Cancels the writing (the zip is then cut off).</param>
    public static async Task WriteAsync(Stream output, IReadOnlyList<ZipPlan.Entry> entries, Func<ZipPlan.Entry, CancellationToken, Task<Stream>> open, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(open);
        var archive = await ZipArchive.CreateAsync(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken).ConfigureAwait(false);
        await using (archive.ConfigureAwait(false))
        {
            foreach (var entry in entries)
            {
                var zipEntry = archive.CreateEntry(entry.Name, Compressed(entry.File.ContentType) ? CompressionLevel.NoCompression : CompressionLevel.Fastest);
                zipEntry.LastWriteTime = entry.File.CreatedAt < ZipEpoch ? ZipEpoch : entry.File.CreatedAt; // zip times start in 1980
                var source = await open(entry, cancellationToken).ConfigureAwait(false);
                await using (source.ConfigureAwait(false))
                {
                    var target = await zipEntry.OpenAsync(cancellationToken).ConfigureAwait(false);
                    await using (target.ConfigureAwait(false))
                    {
                        await source.CopyToAsync(target, 81920, cancellationToken).ConfigureAwait(false);
                    }
                }
            }
        }
    }

    /// <summary>Whether bytes of <paramref name="contentType"/> are compressed already (deflating them again only costs time).</summary>
    /// <param name="contentType">A media type.</param>
    public static bool Compressed(string contentType)
    {
        ArgumentNullException.ThrowIfNull(contentType);
        var type = contentType.Split(';')[0].Trim().ToLowerInvariant();
        return type.StartsWith("image/", StringComparison.Ordinal) && type != "image/svg+xml" && type != "image/bmp"
            || type.StartsWith("video/", StringComparison.Ordinal) || type.StartsWith("audio/", StringComparison.Ordinal)
            || type is "application/pdf" or "application/zip" or "application/gzip" or "application/x-7z-compressed"
                or "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                or "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    }
}
