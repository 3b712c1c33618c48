namespace DocSync.Dropbox;

/// <summary>
/// One file for <see cref="DropboxClient.UploadBatchAsync"/>: where it goes and how to open its
/// bytes. The stream is opened when the file's turn comes and disposed after, so thousands of
/// items never hold thousands of open streams.
/// </summary>
/// <param name="Path">Destination path.</param>
/// <param name="OpenContent">Opens the bytes to upload (read once, to the end).</param>
/// <param name="Commit">How to commit; null for the defaults.</param>
public sealed record BatchUploadItem(string Path, Func<Stream> OpenContent, CommitOptions? Commit = null)
{
    /// <summary>An item whose bytes are already in memory.</summary>
    public static BatchUploadItem FromBytes(string path, ReadOnlyMemory<byte> content, CommitOptions? commit = null) =>
        new(path, () => new MemoryStream(content.ToArray(), writable: false), commit);
}
