namespace DocSync.Web.Tests.Export.Crash;

/// <summary>A file as the emulator holds it (read under its lock, no HTTP).</summary>
/// <param name="Path">Display path in Alice's Dropbox.</param>
/// <param name="Id">Dropbox's file id.</param>
/// <param name="Rev">Its current revision.</param>
/// <param name="ContentHash">Dropbox content hash of its current content.</param>
/// <param name="Size">Bytes.</param>
public sealed record ServerFile(string Path, string Id, string Rev, string ContentHash, long Size);
