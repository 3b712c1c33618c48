namespace DocSync.Core.Blobs;

/// <summary>A blob exceeded <see cref="BlobStoreOptions.MaxBlobBytes"/> (HTTP 413); nothing was stored.</summary>
public sealed class BlobTooLargeException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="limit">The limit in bytes.</param>
    public BlobTooLargeException(long limit)
        : base($"The file is larger than the limit of {limit} bytes.") => Limit = limit;

    /// <summary>The limit in bytes.</summary>
    public long Limit { get; }
}
