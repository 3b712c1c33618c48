namespace DocSync.Dropbox;

/// <summary>
/// Everything that changed since a cursor, read to the end (<c>has_more</c> followed), or the news
/// that the cursor was reset and the folder must be listed again from scratch.
/// </summary>
public sealed record ListFolderChanges
{
    /// <summary>True when Dropbox answered <c>reset</c>: entries are empty and the cursor must be dropped.</summary>
    public bool IsReset { get; init; }

    /// <summary>The changes, in the order to apply them.</summary>
    public IReadOnlyList<Metadata> Entries { get; init; } = [];

    /// <summary>The cursor after the last change (the one given, when reset).</summary>
    public string Cursor { get; init; } = "";
}
