using System.Security.Cryptography;

namespace DocSync.Dropbox.Emulator.Model;

/// <summary>
/// Dropbox's content hash: SHA-256 of the concatenated SHA-256 digests of each 4 MiB block.
/// The emulator keeps its own copy rather than borrowing the client's so that a client bug
/// cannot hide behind a server that shares it.
/// </summary>
public sealed class ContentHasher : IDisposable
{
    public const int BlockSize = 4 * 1024 * 1024;

    private readonly IncrementalHash _overall = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly IncrementalHash _block = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private int _blockFill;

    public void Append(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            var take = Math.Min(BlockSize - _blockFill, data.Length);
            _block.AppendData(data[..take]);
            _blockFill += take;
            data = data[take..];
            if (_blockFill == BlockSize)
            {
                _overall.AppendData(_block.GetHashAndReset());
                _blockFill = 0;
            }
        }
    }

    /// <summary>Lower-case hex digest; the hasher is reset afterwards.</summary>
    public string Finish()
    {
        if (_blockFill > 0)
        {
            _overall.AppendData(_block.GetHashAndReset());
            _blockFill = 0;
        }
        return Convert.ToHexStringLower(_overall.GetHashAndReset());
    }

    public static string Compute(ReadOnlySpan<byte> data)
    {
        using var hasher = new ContentHasher();
        hasher.Append(data);
        return hasher.Finish();
    }

    public void Dispose()
    {
        _overall.Dispose();
        _block.Dispose();
    }
}
