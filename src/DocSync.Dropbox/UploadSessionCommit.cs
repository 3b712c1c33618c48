namespace DocSync.Dropbox;

/// <summary>One closed upload session to commit with <c>finish_batch</c>.</summary>
/// <param name="SessionId">The session.</param>
/// <param name="Offset">Bytes the session holds (the file's size).</param>
/// <param name="Path">Where to commit it.</param>
/// <param name="Commit">How to commit it; null for the defaults.</param>
public sealed record UploadSessionCommit(string SessionId, long Offset, string Path, CommitOptions? Commit = null);
