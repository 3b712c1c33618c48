namespace DocSync.Dropbox;

/// <summary>What happened to one piece of an append batch.</summary>
/// <param name="Succeeded">True when the server has the piece.</param>
/// <param name="ErrorTag">The error tag path when it failed (e.g. <c>incorrect_offset</c>).</param>
/// <param name="CorrectOffset">For <c>incorrect_offset</c>: the session's length as the server sees it.</param>
public sealed record AppendBatchEntryResult(bool Succeeded, string? ErrorTag = null, long? CorrectOffset = null);
