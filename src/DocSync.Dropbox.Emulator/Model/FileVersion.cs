namespace DocSync.Dropbox.Emulator.Model;

/// <summary>One revision of a file's content. Immutable: a write makes a new one.</summary>
public sealed record FileVersion(
    string Rev,
    string FileId,
    string PathDisplay,
    long Size,
    string ContentHash,
    DateTimeOffset ClientModified,
    DateTimeOffset ServerModified)
{
    /// <summary>Lower-cased (and composed, NFC) path at the time of this revision.</summary>
    public string PathLower => PathDisplay.Normalize(System.Text.NormalizationForm.FormC).ToLowerInvariant();
}
