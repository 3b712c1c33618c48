using System.Collections.Concurrent;

namespace DocSync.Dropbox.Emulator.Model;

/// <summary>
/// File contents keyed by content hash. With a data folder every blob is a file there (temp file,
/// fsync, rename); without one, small blobs stay in memory and large ones spill to a private temp
/// folder, so a multi-GiB upload never has to fit in memory.
/// </summary>
public sealed class BlobStore : IDisposable
{
    /// <summary>Largest blob kept in memory when there is no data folder.</summary>
    public const int MemoryLimit = 4 * 1024 * 1024;

    private readonly ConcurrentDictionary<string, byte[]> _memory = new(StringComparer.Ordinal);
    private readonly string? _dataDirectory;
    private readonly string _spillDirectory;

    public BlobStore(string? dataDirectory)
    {
        _dataDirectory = dataDirectory;
        _spillDirectory = dataDirectory is null
            ? Path.Combine(Path.GetTempPath(), "docsync-emulator-" + Guid.NewGuid().ToString("N"))
            : Path.Combine(dataDirectory, "blobs");
        SessionDirectory = dataDirectory is null
            ? Path.Combine(_spillDirectory, "sessions")
            : Path.Combine(dataDirectory, "sessions");
        if (dataDirectory is not null && Directory.Exists(SessionDirectory))
        {
            // Sessions are not kept across restarts; their half-sent bytes are orphans now.
            Directory.Delete(SessionDirectory, recursive: true);
        }
    }

    /// <summary>Where upload sessions keep their bytes until they are committed.</summary>
    public string SessionDirectory { get; }

    public bool Contains(string contentHash) => _memory.ContainsKey(contentHash) || File.Exists(PathFor(contentHash));

    /// <summary>Stores bytes under their hash (a no-op when already stored).</summary>
    public void Put(string contentHash, byte[] bytes)
    {
        if (_dataDirectory is null && bytes.Length <= MemoryLimit)
        {
            _memory.TryAdd(contentHash, bytes);
            return;
        }
        var path = PathFor(contentHash);
        if (File.Exists(path))
        {
            return;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Takes ownership of a finished file (an upload session's) and stores it under its hash.</summary>
    public void PutFile(string contentHash, string file)
    {
        var size = new FileInfo(file).Length;
        if (_dataDirectory is null && size <= MemoryLimit)
        {
            _memory.TryAdd(contentHash, File.ReadAllBytes(file));
            File.Delete(file);
            return;
        }
        var path = PathFor(contentHash);
        if (File.Exists(path))
        {
            File.Delete(file);
            return;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var stream = new FileStream(file, FileMode.Open, FileAccess.ReadWrite))
        {
            stream.Flush(flushToDisk: true);
        }
        File.Move(file, path, overwrite: true);
    }

    /// <summary>Opens a blob for reading; an unknown hash reads as empty.</summary>
    public Stream OpenRead(string contentHash)
    {
        if (_memory.TryGetValue(contentHash, out var bytes))
        {
            return new MemoryStream(bytes, writable: false);
        }
        var path = PathFor(contentHash);
        return File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true)
            : new MemoryStream([], writable: false);
    }

    /// <summary>The bytes of a blob no larger than <paramref name="maxBytes"/>; null when larger.</summary>
    public byte[]? ReadSmall(string contentHash, int maxBytes)
    {
        if (_memory.TryGetValue(contentHash, out var bytes))
        {
            return bytes.Length <= maxBytes ? bytes : null;
        }
        var path = PathFor(contentHash);
        return File.Exists(path) && new FileInfo(path).Length <= maxBytes ? File.ReadAllBytes(path) : null;
    }

    public void Clear()
    {
        _memory.Clear();
        if (Directory.Exists(_spillDirectory))
        {
            Directory.Delete(_spillDirectory, recursive: true);
        }
    }

    public void Dispose()
    {
        if (_dataDirectory is null)
        {
            Clear();
        }
    }

    private string PathFor(string contentHash) => Path.Combine(_spillDirectory, contentHash[..2], contentHash);
}
