using System.Security.Cryptography;

namespace DocSync.Dropbox;

/// <summary>
/// Dropbox's content hash as a <see cref="HashAlgorithm"/>: the data is cut into 4 MiB blocks, each
/// block is hashed with SHA-256, and the concatenated block digests are hashed with SHA-256 again.
/// Feed it incrementally (<see cref="HashAlgorithm.TransformBlock"/>, <see cref="Append"/>) in any
/// chunk sizes; <see cref="ToHex"/> gives the lowercase form Dropbox uses in <c>content_hash</c>.
/// </summary>
public sealed class DropboxContentHasher : HashAlgorithm
{
    /// <summary>Dropbox's block size: 4 MiB.</summary>
    public const int BlockSize = 4 * 1024 * 1024;

    private readonly IncrementalHash _overall = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly IncrementalHash _block = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private int _blockFill;

    /// <summary>Creates a hasher.</summary>
    public DropboxContentHasher() => HashSizeValue = 256;

    /// <summary>Adds bytes (any length, any split).</summary>
    public void Append(ReadOnlySpan<byte> data) => HashCore(data);

    /// <summary>The hash of everything appended, as lowercase hex; the hasher starts over afterwards.</summary>
    public string GetHashHexAndReset()
    {
        var hash = new byte[32];
        TryHashFinal(hash, out _);
        Initialize();
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>The content hash of <paramref name="data"/>, as lowercase hex.</summary>
    public static string HashHex(ReadOnlySpan<byte> data)
    {
        using var hasher = new DropboxContentHasher();
        hasher.Append(data);
        return hasher.GetHashHexAndReset();
    }

    /// <summary>The content hash of a stream read to its end, as lowercase hex.</summary>
    public static async Task<string> HashHexAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var hasher = new DropboxContentHasher();
        var buffer = new byte[1 << 20];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            hasher.Append(buffer.AsSpan(0, read));
        }
        return hasher.GetHashHexAndReset();
    }

    /// <summary>Lowercase hex of a finished hash (e.g. <see cref="HashAlgorithm.Hash"/>).</summary>
    public static string ToHex(byte[] hash) => Convert.ToHexStringLower(hash);

    /// <inheritdoc />
    public override void Initialize()
    {
        // IncrementalHash resets itself on GetHashAndReset; drop any half-filled block.
        if (_blockFill > 0)
        {
            _block.GetHashAndReset();
        }
        _overall.GetHashAndReset();
        _blockFill = 0;
    }

    /// <inheritdoc />
    protected override void HashCore(byte[] array, int ibStart, int cbSize) => HashCore(array.AsSpan(ibStart, cbSize));

    /// <inheritdoc />
    protected override void HashCore(ReadOnlySpan<byte> source)
    {
        while (!source.IsEmpty)
        {
            var take = Math.Min(BlockSize - _blockFill, source.Length);
            _block.AppendData(source[..take]);
            _blockFill += take;
            source = source[take..];
            if (_blockFill == BlockSize)
            {
                _overall.AppendData(_block.GetHashAndReset());
                _blockFill = 0;
            }
        }
    }

    /// <inheritdoc />
    protected override byte[] HashFinal()
    {
        var hash = new byte[32];
        TryHashFinal(hash, out _);
        return hash;
    }

    /// <inheritdoc />
    protected override bool TryHashFinal(Span<byte> destination, out int bytesWritten)
    {
        if (destination.Length < 32)
        {
            bytesWritten = 0;
            return false;
        }
        if (_blockFill > 0)
        {
            _overall.AppendData(_block.GetHashAndReset());
            _blockFill = 0;
        }
        bytesWritten = _overall.GetHashAndReset(destination);
        return true;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _overall.Dispose();
            _block.Dispose();
        }
        base.Dispose(disposing);
    }
}
