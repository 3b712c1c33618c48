namespace DocSync.Dropbox;

/// <summary>One page of <c>list_folder</c> or <c>list_folder/continue</c>.</summary>
public sealed record ListFolderPage
{
    /// <summary>Entries in the order to apply them.</summary>
    public IReadOnlyList<Metadata> Entries { get; init; } = [];

    /// <summary>Where to continue from; save it after applying the page.</summary>
    public string Cursor { get; init; } = "";

    /// <summary>True when more entries are waiting right now.</summary>
    public bool HasMore { get; init; }
}
