namespace DocSync.Dropbox;

/// <summary>One piece for <see cref="DropboxClient.UploadSessionAppendBatchAsync"/>: bytes for a session at an offset.</summary>
/// <param name="SessionId">The upload session.</param>
/// <param name="Offset">Where these bytes go in the session.</param>
/// <param name="Data">The bytes.</param>
/// <param name="Close">Close the session after these bytes.</param>
public sealed record AppendBatchEntry(string SessionId, long Offset, ReadOnlyMemory<byte> Data, bool Close);
