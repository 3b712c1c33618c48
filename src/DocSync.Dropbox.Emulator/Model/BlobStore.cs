using System.Collections.Concurrent;

namespace DocSync.Dropbox.Emulator.Model;

/// <summary>File contents keyed by content hash; in memory or in a folder.</summary>
public sealed class BlobStore(string? directory)
{
    private readonly ConcurrentDictionary<string, byte[]> _memory = new(StringComparer.Ordinal);

    public void Put(string contentHash, byte[] bytes)
    {
        if (directory is null)
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

    public byte[] Get(string contentHash)
    {
        if (directory is null)
        {
            return _memory.TryGetValue(contentHash, out var bytes) ? bytes : [];
        }
        var path = PathFor(contentHash);
        return File.Exists(path) ? File.ReadAllBytes(path) : [];
    }

    public void Clear()
    {
        _memory.Clear();
        if (directory is not null && Directory.Exists(Path.Combine(directory, "blobs")))
        {
            Directory.Delete(Path.Combine(directory, "blobs"), recursive: true);
        }
    }

    private string PathFor(string contentHash) => Path.Combine(directory!, "blobs", contentHash[..2], contentHash);
}
