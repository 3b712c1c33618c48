using System.IO.Compression;

namespace DocSync.Core.Collect;

/// <summary>A file taken out of a zip into a temporary file (deleted with the <see cref="UnpackedZip"/>).</summary>
/// <param name="Name">The entry's file name only (folders inside the zip are dropped: nothing can escape).</param>
/// <param name="TempPath">Where its bytes are.</param>
/// <param name="Length">Its size.</param>
public sealed record UnpackedEntry(string Name, string TempPath, long Length);

/// <summary>The files of a zip, in temporary files that go when this is disposed.</summary>
public sealed class UnpackedZip : IDisposable
{
    private readonly string _folder;

    internal UnpackedZip(string folder, IReadOnlyList<UnpackedEntry> entries, IReadOnlyList<string> leftOut)
    {
        _folder = folder;
        Entries = entries;
        LeftOut = leftOut;
    }

    /// <summary>The files taken out, in the zip's order.</summary>
    public IReadOnlyList<UnpackedEntry> Entries { get; }

    /// <summary>Entries not taken, each with why (folders, hidden files, nested zips).</summary>
    public IReadOnlyList<string> LeftOut { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is cleaned by the OS; the collection result stands.
        }
    }
}

/// <summary>Thrown when a zip breaks a limit or cannot be read; the message says which.</summary>
public sealed class UnsafeZipException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Takes the files out of a zip safely: only file names are kept (no path escapes, no absolute
/// paths), at most <see cref="CollectOptions.MaxZipEntries"/> files and
/// <see cref="CollectOptions.MaxZipBytes"/> bytes counted as they are really written (a lying
/// header does not help), no entry inflating more than <see cref="CollectOptions.MaxZipRatio"/>
/// times, no zip inside a zip, no encrypted entries.
/// </summary>
public static class ZipUnpacker
{
    /// <summary>Unpacks <paramref name="zip"/>; throws <see cref="UnsafeZipException"/> for a zip that breaks a limit or is damaged.</summary>
    /// <param name="zip">The zip's bytes (seekable).</param>
    /// <param name="options">The limits.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public static async Task<UnpackedZip> UnpackAsync(Stream zip, CollectOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(zip);
        ArgumentNullException.ThrowIfNull(options);
        var folder = Directory.CreateTempSubdirectory("docsync-zip-").FullName;
        var entries = new List<UnpackedEntry>();
        var leftOut = new List<string>();
        try
        {
            ZipArchive archive;
            try
            {
                archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
            }
            catch (InvalidDataException e)
            {
                throw new UnsafeZipException("The zip is damaged and cannot be opened.", e);
            }

            using (archive)
            {
                var files = archive.Entries.Where(e => !e.FullName.EndsWith('/') && !e.FullName.EndsWith('\\')).ToList();
                if (files.Count > options.MaxZipEntries)
                {
                    throw new UnsafeZipException($"The zip holds {files.Count} files; at most {options.MaxZipEntries} are taken from one zip.");
                }

                long total = 0;
                foreach (var entry in files)
                {
                    var name = NameOf(entry.FullName);
                    if (name.Length == 0 || name.StartsWith('.') || entry.FullName.Contains("__MACOSX", StringComparison.Ordinal))
                    {
                        leftOut.Add($"{entry.FullName}: hidden or system file");
                        continue;
                    }
                    if (name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
                    {
                        leftOut.Add($"{entry.FullName}: a zip inside a zip is not unpacked");
                        continue;
                    }
                    if (entry.CompressedLength > 0 && entry.Length / Math.Max(1, entry.CompressedLength) > options.MaxZipRatio)
                    {
                        throw new UnsafeZipException($"'{name}' inflates {entry.Length / entry.CompressedLength} times; a zip bomb is not unpacked.");
                    }

                    var path = Path.Combine(folder, $"{entries.Count:0000}");
                    long written;
                    try
                    {
                        await using var source = entry.Open();
                        await using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
                        written = await CopyLimitedAsync(source, target, options.MaxZipBytes - total, Math.Max(entry.CompressedLength, 1) * options.MaxZipRatio + 4096,
                            name, cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is InvalidDataException or NotSupportedException)
                    {
                        throw new UnsafeZipException($"'{name}' cannot be read from the zip (damaged or encrypted).", e);
                    }
                    total += written;
                    entries.Add(new UnpackedEntry(name, path, written));
                }
            }

            return new UnpackedZip(folder, entries, leftOut);
        }
        catch
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
            throw;
        }
    }

    /// <summary>The last segment of an entry name, either separator; control characters dropped.</summary>
    public static string NameOf(string fullName)
    {
        ArgumentNullException.ThrowIfNull(fullName);
        var name = fullName.Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        return name is "." or ".." ? "" : name;
    }

    private static async Task<long> CopyLimitedAsync(Stream source, Stream target, long budget, long entryLimit, string name, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long written = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            written += read;
            if (written > budget)
            {
                throw new UnsafeZipException("The zip unpacks to more bytes than one zip may hold.");
            }
            if (written > entryLimit)
            {
                throw new UnsafeZipException($"'{name}' inflates far beyond its compressed size; a zip bomb is not unpacked.");
            }
            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
        }
        return written;
    }
}
