namespace DocSync.Dropbox;

/// <summary>A deletion (<c>.tag</c> <c>deleted</c>). It has no id: track deletions by <see cref="Metadata.PathLower"/>.</summary>
public sealed record DeletedMetadata : Metadata
{
    /// <summary>Whether the item can be restored, when asked for.</summary>
    public bool? IsRestorable { get; init; }
}
