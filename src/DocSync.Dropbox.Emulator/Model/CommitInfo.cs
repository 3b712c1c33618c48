namespace DocSync.Dropbox.Emulator.Model;

/// <summary>How a file write treats what is already at its path (Dropbox's CommitInfo).</summary>
public sealed record CommitInfo(
    string Mode,
    string? UpdateRev,
    bool Autorename,
    DateTimeOffset? ClientModified,
    bool StrictConflict);
