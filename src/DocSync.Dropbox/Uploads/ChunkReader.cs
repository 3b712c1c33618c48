namespace DocSync.Dropbox.Uploads;

/// <summary>Reads a stream into a buffer until the buffer is full or the stream ends.</summary>
internal static class ChunkReader
{
    /// <summary>Bytes read; fewer than <paramref name="buffer"/>'s length means the stream ended.</summary>
    public static async Task<int> FillAsync(Stream source, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await source.ReadAsync(buffer[filled..], cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }
            filled += read;
        }
        return filled;
    }
}
