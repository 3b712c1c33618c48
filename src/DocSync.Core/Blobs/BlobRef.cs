namespace DocSync.Core.Blobs;

/// <summary>The address and size of a stored blob.</summary>
/// <param name="Sha256">SHA-256 of the content, 64 lower-case hex digits.</param>
/// <param name="Length">Size in bytes.</param>
public sealed record BlobRef(string Sha256, long Length);
