namespace DocSync.Dropbox.Emulator.Model;

/// <summary>
/// An open upload session. A sequential session keeps its bytes in memory up to
/// <see cref="BlobStore.MemoryLimit"/> (most sessions hold one small document) and moves them to a
/// file beyond that (a session may build a file of many GiB); it hashes as it goes. A concurrent
/// session writes to a file at each chunk's offset and records which ranges arrived.
/// </summary>
public sealed class UploadSession : IDisposable
{
    private readonly SortedDictionary<long, long> _ranges = [];
    private readonly ContentHasher _hasher = new();
    private long _length;
    private string? _hash;
    private MemoryStream? _memory = new();

    public UploadSession(string id, string accountKey, bool concurrent, DateTimeOffset expiresAt, string directory)
    {
        Id = id;
        AccountKey = accountKey;
        Concurrent = concurrent;
        ExpiresAt = expiresAt;
        _directory = directory;
        FilePath = Path.Combine(directory, Guid.NewGuid().ToString("N") + ".part");
    }

    private readonly string _directory;

    /// <summary>Whether the bytes are still in memory (<see cref="MemoryBytes"/>) rather than in <see cref="FilePath"/>.</summary>
    public bool InMemory => _memory is not null;

    /// <summary>The bytes received, while <see cref="InMemory"/>.</summary>
    public byte[] MemoryBytes => _memory?.ToArray() ?? throw new InvalidOperationException("The session's bytes are in a file.");

    /// <summary>Moves the bytes held in memory to <see cref="FilePath"/>.</summary>
    private void Spill()
    {
        if (_memory is null)
        {
            return;
        }
        Directory.CreateDirectory(_directory);
        using (var stream = new FileStream(FilePath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            _memory.Position = 0;
            _memory.CopyTo(stream);
        }
        _memory.Dispose();
        _memory = null;
    }

    public string Id { get; }

    /// <summary>The account (or team member) the session belongs to.</summary>
    public string AccountKey { get; }

    public bool Concurrent { get; }

    public DateTimeOffset ExpiresAt { get; }

    public string FilePath { get; }

    public bool Closed { get; set; }

    /// <summary>For a concurrent session: where the closing chunk ends (the file's length).</summary>
    public long? EndOffset { get; set; }

    /// <summary>Bytes received so far.</summary>
    public long Length => Concurrent ? _ranges.Values.Sum() : _length;

    public void Append(ReadOnlySpan<byte> bytes)
    {
        if (_memory is not null && _memory.Length + bytes.Length <= BlobStore.MemoryLimit)
        {
            _memory.Write(bytes);
            _hasher.Append(bytes);
            _length += bytes.Length;
            return;
        }
        Spill();
        using (var stream = new FileStream(FilePath, FileMode.Append, FileAccess.Write, FileShare.None, 1 << 16))
        {
            stream.Write(bytes);
        }
        _hasher.Append(bytes);
        _length += bytes.Length;
    }

    public void AppendAt(long offset, byte[] bytes)
    {
        Spill();
        if (!File.Exists(FilePath))
        {
            File.WriteAllBytes(FilePath, []);
        }
        using (var stream = new FileStream(FilePath, FileMode.Open, FileAccess.Write, FileShare.None, 1 << 16))
        {
            stream.Position = offset;
            stream.Write(bytes);
        }
        _ranges[offset] = bytes.Length;
    }

    /// <summary>Concurrent chunks must tile the file with no gap.</summary>
    public bool ChunksContiguous()
    {
        long next = 0;
        foreach (var (offset, length) in _ranges)
        {
            if (offset != next)
            {
                return false;
            }
            next += length;
        }
        return true;
    }

    /// <summary>The content hash of everything received (a concurrent session is read back once).</summary>
    public string ContentHash()
    {
        if (_hash is not null)
        {
            return _hash;
        }
        if (!Concurrent)
        {
            return _hash = _hasher.Finish();
        }
        Spill();
        using var hasher = new ContentHasher();
        using var stream = new FileStream(FilePath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        var buffer = new byte[1 << 20];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            hasher.Append(buffer.AsSpan(0, read));
        }
        return _hash = hasher.Finish();
    }

    public void Dispose()
    {
        _hasher.Dispose();
        _memory?.Dispose();
        if (File.Exists(FilePath))
        {
            File.Delete(FilePath);
        }
    }
}
