namespace DocSync.Core.Blobs;

/// <summary>Where and how big blobs are kept; bound from <c>DocSync:Blobs</c> and validated on start.</summary>
public sealed class BlobStoreOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "DocSync:Blobs";

    /// <summary>The folder blobs live in (created if missing). Default <c>data/blobs</c>, relative to the working directory.</summary>
    public string RootPath { get; set; } = Path.Combine("data", "blobs");

    /// <summary>Largest blob accepted, in bytes. Default 100 MiB; between 1 byte and 4 GiB.</summary>
    public long MaxBlobBytes { get; set; } = 100L * 1024 * 1024;
}
