namespace DocSync.Dropbox.Emulator.Model;

/// <summary>An open upload session: bytes appended so far and whether the client closed it.</summary>
public sealed class UploadSession(string id, string accountKey, bool concurrent, DateTimeOffset expiresAt)
{
    private readonly SortedDictionary<long, byte[]> _concurrentChunks = [];
    private MemoryStream _data = new();

    public string Id { get; } = id;

    /// <summary>The account (or team member) the session belongs to.</summary>
    public string AccountKey { get; } = accountKey;

    public bool Concurrent { get; } = concurrent;

    public DateTimeOffset ExpiresAt { get; } = expiresAt;

    public bool Closed { get; set; }

    /// <summary>For a concurrent session: where the closing chunk ends (the file's length).</summary>
    public long? EndOffset { get; set; }

    /// <summary>Set once a finish committed the session; a retried finish answers the same result.</summary>
    public FileVersion? CommittedVersion { get; set; }

    public long Length => Concurrent ? _concurrentChunks.Sum(c => (long)c.Value.Length) : _data.Length;

    public void Append(ReadOnlySpan<byte> bytes) => _data.Write(bytes);

    public void AppendAt(long offset, byte[] bytes) => _concurrentChunks[offset] = bytes;

    /// <summary>Concurrent chunks must tile the file with no gap.</summary>
    public bool ChunksContiguous()
    {
        long next = 0;
        foreach (var (offset, chunk) in _concurrentChunks)
        {
            if (offset != next)
            {
                return false;
            }
            next += chunk.Length;
        }
        return true;
    }

    public byte[] ToArray()
    {
        if (!Concurrent)
        {
            return _data.ToArray();
        }
        var all = new MemoryStream();
        foreach (var chunk in _concurrentChunks.Values)
        {
            all.Write(chunk);
        }
        return all.ToArray();
    }

    /// <summary>Frees the buffered bytes once committed.</summary>
    public void Release()
    {
        _data = new MemoryStream();
        _concurrentChunks.Clear();
    }
}
